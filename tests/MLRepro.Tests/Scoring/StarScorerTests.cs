using AwesomeAssertions;
using MLRepro.Findings;
using MLRepro.Scoring;

namespace MLRepro.Tests.Scoring;

public sealed class StarScorerTests
{
    private static readonly Dictionary<string, StarLevel> Levels = new()
    {
        ["a1"] = StarLevel.Code, ["a2"] = StarLevel.Code,
        ["b1"] = StarLevel.Configuration,
        ["c1"] = StarLevel.Data, ["c2"] = StarLevel.Data,
        ["d1"] = StarLevel.Environment,
        ["e1"] = StarLevel.Evaluation,
    };

    private static Finding F(string id, Outcome o) => new(id, o, "m", [], null, Source.Found);

    private static Score Score(params Finding[] fs) => StarScorer.Score(fs, id => Levels.TryGetValue(id, out var l) ? l : null);

    [Fact]
    public void Pyramid_rule_stops_at_the_first_incomplete_level_but_progress_shows_every_level()
    {
        var s = Score(F("a1", Outcome.Met), F("a2", Outcome.Met), F("b1", Outcome.Partial), F("c1", Outcome.Met), F("c2", Outcome.Met), F("d1", Outcome.Met), F("e1", Outcome.NotMet));
        s.Stars.Should().Be(1);
        s.Levels[2].Complete.Should().BeTrue("level 3 is done even though level 2 is not: both facts are shown");
        s.Levels[1].Should().Be(new LevelProgress(StarLevel.Configuration, 0, 1, false));
    }

    [Fact]
    public void Not_applicable_is_excluded_and_inconclusive_or_skipped_hold_the_level_back()
    {
        Score(F("a1", Outcome.Met), F("a2", Outcome.NotApplicable), F("b1", Outcome.Met)).Stars.Should().BeGreaterThanOrEqualTo(2);
        Score(F("a1", Outcome.Met), F("a2", Outcome.Inconclusive), F("b1", Outcome.Met)).Stars.Should().Be(0);
        Score(F("a1", Outcome.Met), F("a2", Outcome.Skipped)).Levels[0].Should().Be(new LevelProgress(StarLevel.Code, 1, 2, false));
    }

    [Fact]
    public void All_met_is_five_stars_and_nothing_met_is_zero()
    {
        var all = Levels.Keys.Select(k => F(k, Outcome.Met)).ToArray();
        Score(all).Stars.Should().Be(5);
        Score([.. Levels.Keys.Select(k => F(k, Outcome.NotMet))]).Stars.Should().Be(0);
    }
}
