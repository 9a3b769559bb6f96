using System.Collections.Immutable;
using System.Text.Json.Serialization;
using MLRepro.Text;

namespace MLRepro.Formats.Reproducibility;

/// <summary>One checkbox of a REPRODUCIBILITY.md.</summary>
/// <param name="Checked">Whether ticked.</param>
/// <param name="Text">Plain text of the item.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Links">Link targets inside the item, as written.</param>
/// <param name="CriterionId">Best-effort criterion id (code.runs, data.documented, …) from the section and keywords; null when unclear.</param>
public sealed record ReproducibilityItem(bool Checked, string Text, int Line, ImmutableArray<string> Links, string? CriterionId);

/// <summary>One of the five sections of the report.</summary>
/// <param name="Level">1 (Code) to 5 (Evaluation).</param>
/// <param name="Name">code, configuration, data, environment or evaluation.</param>
/// <param name="Heading">The heading as written.</param>
/// <param name="Line">Heading line.</param>
/// <param name="Items">Checkbox items in the section.</param>
public sealed record ReproducibilitySection(int Level, string Name, string Heading, int Line, ImmutableArray<ReproducibilityItem> Items)
{
    /// <summary>Number of ticked items.</summary>
    public int CheckedCount => Items.Count(i => i.Checked);
}

/// <summary>The text between <c>&lt;!-- mlrepro:user-start --&gt;</c> and <c>&lt;!-- mlrepro:user-end --&gt;</c>, exactly as written.</summary>
/// <param name="Text">The text between the markers (markers excluded), byte for byte.</param>
/// <param name="StartLine">Line of the start marker.</param>
/// <param name="EndLine">Line of the end marker.</param>
public sealed record UserRegion(string Text, int StartLine, int EndLine);

/// <summary>A parsed ML Reproducibility Report (REPRODUCIBILITY.md).</summary>
/// <param name="Path">Repository-relative path.</param>
/// <param name="Title">First heading, when any.</param>
/// <param name="DeclaredStars">A star count the report states ("Stars: 3/5", "★★★☆☆"), when found.</param>
/// <param name="Sections">Recognised sections, in level order (each level at most once; later duplicates are merged).</param>
/// <param name="OtherItems">Checkbox items outside the five sections.</param>
/// <param name="UserRegion">The marked user-written region, when present.</param>
/// <param name="Diagnostics">Problems met while parsing.</param>
public sealed record ReproducibilityDocument(
    string Path,
    string? Title,
    int? DeclaredStars,
    ImmutableArray<ReproducibilitySection> Sections,
    ImmutableArray<ReproducibilityItem> OtherItems,
    UserRegion? UserRegion,
    ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The section of a level (1..5), or null.</summary>
    public ReproducibilitySection? Section(int level) => Sections.FirstOrDefault(s => s.Level == level);

    /// <summary>All items, sections first.</summary>
    [JsonIgnore]
    public IEnumerable<ReproducibilityItem> AllItems => Sections.SelectMany(s => s.Items).Concat(OtherItems);

    /// <summary>Items mapped to a criterion id.</summary>
    public IEnumerable<ReproducibilityItem> ItemsFor(string criterionId) => AllItems.Where(i => i.CriterionId == criterionId);
}
