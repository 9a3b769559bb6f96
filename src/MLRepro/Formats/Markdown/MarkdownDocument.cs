using System.Collections.Immutable;
using MLRepro.Text;

namespace MLRepro.Formats.Markdown;

/// <summary>How a documentation file was read.</summary>
public enum DocFlavor
{
    /// <summary>CommonMark with pipe tables, task lists and YAML front matter.</summary>
    Markdown,
    /// <summary>reStructuredText, read as plain text with a heading heuristic.</summary>
    ReStructuredText,
    /// <summary>Plain text with a heading heuristic.</summary>
    PlainText,
}

/// <summary>What a link target is.</summary>
public enum UrlKind
{
    /// <summary>Has a scheme (https:, s3:, javascript:…) or starts with //.</summary>
    Absolute,
    /// <summary>A path relative to the document or repository.</summary>
    Relative,
    /// <summary>An in-page anchor (#…).</summary>
    Anchor,
    /// <summary>A mailto: address.</summary>
    Email,
}

/// <summary>A heading; <see cref="Parent"/> (an index into the heading list) makes the list a tree.</summary>
/// <param name="Level">1 to 6.</param>
/// <param name="Text">Plain text of the heading.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Parent">Index of the nearest preceding heading of a lower level, or null for a root.</param>
public sealed record MarkdownHeading(int Level, string Text, int Line, int? Parent);

/// <summary>A fenced or indented code block.</summary>
/// <param name="Language">The info string's first word, lower-cased; null for indented or unlabelled blocks.</param>
/// <param name="Text">The code.</param>
/// <param name="Line">Line of the first code line.</param>
/// <param name="Fenced">Whether fenced (``` or ~~~) rather than indented.</param>
public sealed record MarkdownCodeBlock(string? Language, string Text, int Line, bool Fenced);

/// <summary>A shell command found in a code block: prompt stripped, continuations joined, comments dropped.</summary>
/// <param name="Text">The command.</param>
/// <param name="Line">Line where the command starts.</param>
/// <param name="Inferred">True when the block had no shell language and the line was taken because it looks like a command.</param>
public sealed record ShellCommand(string Text, int Line, bool Inferred);

/// <summary>A link or image.</summary>
/// <param name="Text">Link text or image alt text.</param>
/// <param name="Url">The target exactly as written (unsafe schemes are kept, flagged).</param>
/// <param name="Line">1-based line.</param>
/// <param name="IsImage">Whether an image.</param>
/// <param name="Kind">Absolute, relative, anchor or e-mail.</param>
/// <param name="Unsafe">True for javascript:, vbscript:, data: (non-image) and file: targets.</param>
/// <param name="FromHtml">True when found in raw HTML rather than Markdown syntax.</param>
public sealed record MarkdownLink(string Text, string Url, int Line, bool IsImage, UrlKind Kind, bool Unsafe, bool FromHtml = false);

/// <summary>A status badge: an image (usually inside a link) from a badge service.</summary>
/// <param name="Alt">Alt text.</param>
/// <param name="ImageUrl">The badge image.</param>
/// <param name="LinkUrl">Where the badge links to, when it is inside a link.</param>
/// <param name="Service">A coarse service name (colab, pypi, github-actions, license, huggingface, …; "other").</param>
/// <param name="Line">1-based line.</param>
public sealed record MarkdownBadge(string Alt, string ImageUrl, string? LinkUrl, string Service, int Line);

/// <summary>A pipe table.</summary>
/// <param name="Line">Line of the header row.</param>
/// <param name="Section">The heading text the table sits under ("" before any heading).</param>
/// <param name="Header">Header cells (plain text).</param>
/// <param name="Rows">Body rows (plain text cells).</param>
public sealed record MarkdownTable(int Line, string Section, ImmutableArray<string> Header, ImmutableArray<ImmutableArray<string>> Rows);

/// <summary>A checkbox list item (`- [x] …`).</summary>
/// <param name="Checked">Whether ticked.</param>
/// <param name="Text">Plain text after the checkbox.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Links">Link targets inside the item.</param>
public sealed record MarkdownTaskItem(bool Checked, string Text, int Line, ImmutableArray<string> Links);

/// <summary>Plain-text projection of one section: a heading and the paragraph text below it up to the next heading.</summary>
/// <param name="Heading">Heading text ("" for text before the first heading).</param>
/// <param name="Level">Heading level (0 for the preamble).</param>
/// <param name="Line">Heading line (1 for the preamble).</param>
/// <param name="EndLine">Last line of the section.</param>
/// <param name="Text">Paragraph, list and table text joined by newlines; code is left out.</param>
public sealed record MarkdownSection(string Heading, int Level, int Line, int EndLine, string Text);

/// <summary>A dataset feature from a Hugging Face card's <c>dataset_info.features</c>.</summary>
/// <param name="Name">Feature name.</param>
/// <param name="Dtype">dtype, or a structural kind (class_label, sequence&lt;…&gt;, list&lt;…&gt;, struct, image…).</param>
/// <param name="Line">1-based line.</param>
public sealed record CardFeature(string Name, string Dtype, int Line);

/// <summary>One configuration of a Hugging Face card (<c>configs</c> or <c>dataset_info</c>).</summary>
/// <param name="Name">config_name ("default" when absent).</param>
/// <param name="Line">1-based line.</param>
/// <param name="DataFiles">data_files paths as written.</param>
/// <param name="Features">Features of dataset_info for this config.</param>
public sealed record CardConfig(string Name, int Line, ImmutableArray<string> DataFiles, ImmutableArray<CardFeature> Features);

/// <summary>What a Hugging Face card describes, guessed from its keys.</summary>
public enum CardKind
{
    /// <summary>Not recognisably a Hugging Face card.</summary>
    Unknown,
    /// <summary>A model card.</summary>
    Model,
    /// <summary>A dataset card.</summary>
    Dataset,
    /// <summary>A Space (sdk: gradio/streamlit/docker/static).</summary>
    Space,
}

/// <summary>YAML front matter, with the Hugging Face card fields mlrepro uses.</summary>
/// <param name="Line">Line of the opening ---.</param>
/// <param name="EndLine">Line of the closing ---.</param>
/// <param name="Keys">Top-level keys in order.</param>
/// <param name="Title">title.</param>
/// <param name="Kind">Model, dataset or Space card, guessed from the keys.</param>
/// <param name="License">license (a list is joined with ", ").</param>
/// <param name="Datasets">datasets.</param>
/// <param name="Tags">tags.</param>
/// <param name="Sdk">sdk (gradio, streamlit, docker, static).</param>
/// <param name="SdkVersion">sdk_version.</param>
/// <param name="AppFile">app_file.</param>
/// <param name="PipelineTag">pipeline_tag.</param>
/// <param name="LibraryName">library_name.</param>
/// <param name="BaseModel">base_model (a list is joined with ", ").</param>
/// <param name="Configs">configs and dataset_info, merged by config name.</param>
public sealed record FrontMatter(
    int Line,
    int EndLine,
    ImmutableArray<string> Keys,
    string? Title,
    CardKind Kind,
    string? License,
    ImmutableArray<string> Datasets,
    ImmutableArray<string> Tags,
    string? Sdk,
    string? SdkVersion,
    string? AppFile,
    string? PipelineTag,
    string? LibraryName,
    string? BaseModel,
    ImmutableArray<CardConfig> Configs);

/// <summary>Raw HTML that can run code when rendered (script, iframe, event handlers); kept as data and flagged.</summary>
/// <param name="Tag">The tag or attribute name.</param>
/// <param name="Line">1-based line.</param>
public sealed record UnsafeHtml(string Tag, int Line);

/// <summary>One parsed documentation file.</summary>
/// <param name="Path">Repository-relative path.</param>
/// <param name="Flavor">How it was read.</param>
/// <param name="Title">The first level-1 heading (or the first heading), or null.</param>
/// <param name="FrontMatter">YAML front matter, when present.</param>
/// <param name="Headings">Headings in order; Parent links make a tree.</param>
/// <param name="Sections">Plain-text projection per section.</param>
/// <param name="CodeBlocks">Code blocks.</param>
/// <param name="Commands">Shell commands from code blocks.</param>
/// <param name="Links">Links and images (badge images included).</param>
/// <param name="Badges">Badges.</param>
/// <param name="Tables">Tables.</param>
/// <param name="TaskItems">Checkbox items.</param>
/// <param name="UnsafeHtml">Script-capable HTML found in the file.</param>
/// <param name="Diagnostics">Problems met while parsing.</param>
public sealed record MarkdownDocument(
    string Path,
    DocFlavor Flavor,
    string? Title,
    FrontMatter? FrontMatter,
    ImmutableArray<MarkdownHeading> Headings,
    ImmutableArray<MarkdownSection> Sections,
    ImmutableArray<MarkdownCodeBlock> CodeBlocks,
    ImmutableArray<ShellCommand> Commands,
    ImmutableArray<MarkdownLink> Links,
    ImmutableArray<MarkdownBadge> Badges,
    ImmutableArray<MarkdownTable> Tables,
    ImmutableArray<MarkdownTaskItem> TaskItems,
    ImmutableArray<UnsafeHtml> UnsafeHtml,
    ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Sections whose heading contains any of the words (case-insensitive), e.g. "data", "dataset".</summary>
    public IEnumerable<MarkdownSection> SectionsMatching(params string[] words) =>
        Sections.Where(s => words.Any(w => s.Heading.Contains(w, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Indexes of the direct children of a heading (null for the roots).</summary>
    public IEnumerable<int> ChildrenOf(int? heading)
    {
        for (var i = 0; i < Headings.Length; i++)
        {
            if (Headings[i].Parent == heading)
            {
                yield return i;
            }
        }
    }
}
