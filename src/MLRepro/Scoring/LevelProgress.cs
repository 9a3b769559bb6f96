using MLRepro.Findings;

namespace MLRepro.Scoring;

/// <summary>One level's own progress: how many of its applicable criteria are met.</summary>
/// <param name="Level">The level.</param>
/// <param name="Met">Criteria met.</param>
/// <param name="Applicable">Criteria that apply (NotApplicable excluded; Skipped/Inconclusive/Error count as applicable but unmet).</param>
/// <param name="Complete">Whether every applicable criterion is met.</param>
public sealed record LevelProgress(StarLevel Level, int Met, int Applicable, bool Complete);

/// <summary>The score of an assessment: stars by the pyramid rule plus each level's progress.</summary>
/// <param name="Stars">The highest N such that every applicable criterion of levels 1..N is met.</param>
/// <param name="Levels">Each level's progress, levels 1..5.</param>
public sealed record Score(int Stars, IReadOnlyList<LevelProgress> Levels);
