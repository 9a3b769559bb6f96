using System.Collections.Immutable;
using System.Text.RegularExpressions;
using MLRepro.Formats.Markdown;
using MLRepro.Text;

namespace MLRepro.Formats.Reproducibility;

/// <summary>
/// Parses a REPRODUCIBILITY.md into the five sections of the ML Reproducibility Report, with every checkbox
/// mapped (best effort, by keywords) to a criterion id. Section headings are matched flexibly ("1. Code",
/// "★1 Code", "Level 1 — Code", "**Code**", an ordered-list item "1. Code"). Never throws on content.
/// </summary>
public static partial class ReproducibilityParser
{
    /// <summary>The marker that opens the user-written region a regenerated report keeps.</summary>
    public const string UserStartMarker = "<!-- mlrepro:user-start -->";

    /// <summary>The marker that closes the user-written region.</summary>
    public const string UserEndMarker = "<!-- mlrepro:user-end -->";

    /// <summary>Section names by level (index 1..5).</summary>
    public static readonly ImmutableArray<string> SectionNames = ["", "code", "configuration", "data", "environment", "evaluation"];

    /// <summary>Pseudo-heading level given to bold lines and ordered-list titles: deeper than any real heading.</summary>
    private const int PseudoHeadingLevel = 7;

    /// <summary>Parses a report.</summary>
    public static ReproducibilityDocument Parse(SourceText source) => Parse(source, MarkdownParser.ParseMarkdown(source));

    /// <summary>Parses a report whose Markdown is already parsed.</summary>
    public static ReproducibilityDocument Parse(SourceText source, MarkdownDocument markdown)
    {
        var diagnostics = new List<Diagnostic>(markdown.Diagnostics);
        var codeLines = CodeLines(markdown);

        // Candidate section titles: real headings, plus bold-only lines and ordered-list titles outside code.
        var titles = markdown.Headings.Select(h => (h.Level, h.Text, h.Line)).ToList();
        for (var line = 1; line <= source.LineCount; line++)
        {
            if (codeLines.Contains(line))
            {
                continue;
            }

            var m = PseudoHeading().Match(source.GetLine(line));
            if (m.Success && !markdown.Headings.Any(h => h.Line == line))
            {
                titles.Add((PseudoHeadingLevel, m.Groups["t"].Value.Trim(), line));
            }
        }

        titles.Sort((a, b) => a.Line.CompareTo(b.Line));

        // Walk titles and items together in line order.
        var sectionItems = new Dictionary<int, List<ReproducibilityItem>>();
        var sectionHeads = new Dictionary<int, (string Heading, int Line)>();
        var other = new List<ReproducibilityItem>();
        var t = 0;
        var current = 0;
        var currentHeadingLevel = 0;
        foreach (var item in markdown.TaskItems.OrderBy(i => i.Line))
        {
            while (t < titles.Count && titles[t].Line < item.Line)
            {
                var (level, text, line) = titles[t++];
                var section = MatchSection(text);
                if (section > 0)
                {
                    current = section;
                    currentHeadingLevel = level;
                    if (!sectionHeads.ContainsKey(section))
                    {
                        sectionHeads[section] = (text, line);
                    }
                    else
                    {
                        diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(line), DiagnosticSeverity.Info, "reproducibility.duplicate-section", $"a second '{SectionNames[section]}' section; its items are merged into the first"));
                    }
                }
                else if (current > 0 && level <= currentHeadingLevel && level < PseudoHeadingLevel)
                {
                    current = 0; // a sibling heading that is not one of the five ends the section
                }
            }

            var mapped = new ReproducibilityItem(item.Checked, item.Text, item.Line, item.Links, MapCriterion(current, item.Text));
            if (current > 0)
            {
                (sectionItems.TryGetValue(current, out var list) ? list : sectionItems[current] = []).Add(mapped);
            }
            else
            {
                other.Add(mapped);
            }
        }

        // Sections with a heading but no items still count as present.
        for (; t < titles.Count; t++)
        {
            var section = MatchSection(titles[t].Text);
            if (section > 0 && !sectionHeads.ContainsKey(section))
            {
                sectionHeads[section] = (titles[t].Text, titles[t].Line);
            }
        }

        var sections = sectionHeads.OrderBy(kv => kv.Key).Select(kv => new ReproducibilitySection(
            kv.Key, SectionNames[kv.Key], kv.Value.Heading, kv.Value.Line,
            sectionItems.TryGetValue(kv.Key, out var items) ? [.. items] : [])).ToImmutableArray();
        if (sections.Length == 0)
        {
            diagnostics.Add(new Diagnostic(source.Path, null, DiagnosticSeverity.Warning, "reproducibility.no-sections", "none of the five report sections (Code, Configuration, Data, Environment, Evaluation) was found"));
        }

        var region = ReadUserRegion(source, diagnostics);
        return new ReproducibilityDocument(source.Path, markdown.Title, DeclaredStars(source, codeLines), sections, [.. other], region, [.. diagnostics]);
    }

    /// <summary>Which of the five sections (1..5) a heading names, or 0.</summary>
    public static int MatchSection(string heading)
    {
        var h = heading.Trim().ToLowerInvariant();
        var number = 0;
        // Strip numbering and decorations: "1.", "★1", "⭐⭐", "level 1 —", "step 2:", "(3)", emoji.
        for (var guard = 0; guard < 10; guard++)
        {
            var m = Decoration().Match(h);
            if (!m.Success || m.Length == 0)
            {
                break;
            }

            if (m.Groups["n"].Success && number == 0)
            {
                number = m.Groups["n"].Value[0] - '0';
            }

            h = h[m.Length..];
        }

        var word = FirstWord().Match(h);
        if (word.Success)
        {
            var w = word.Value;
            if (w is "the" or "our" or "project" or "model" && FirstWord().Match(h[word.Length..].TrimStart()) is { Success: true } second)
            {
                w = second.Value;
            }

            var level = w switch
            {
                "code" or "source" or "implementation" => 1,
                _ when w.StartsWith("config", StringComparison.Ordinal) => 2,
                "parameters" or "hyperparameters" or "params" => 2,
                "data" or "dataset" or "datasets" or "artifacts" or "artefacts" => 3,
                "environment" or "env" or "environments" or "software" or "dependencies" or "requirements" or "hardware" => 4,
                "evaluation" or "eval" or "evaluate" or "results" or "demo" or "inference" or "prediction" or "predictions" => 5,
                _ => 0,
            };
            if (level > 0)
            {
                return level;
            }

            return 0;
        }

        // Only a number ("Level 3", "★3").
        return number is >= 1 and <= 5 ? number : 0;
    }

    /// <summary>Best-effort criterion id of a checkbox, from its section (0 when unknown) and keywords.</summary>
    public static string? MapCriterion(int section, string text)
    {
        // "Label: details" — the label names the criterion; the details (file names, messages) may mention other
        // criteria's words, so they are only used when the label alone says nothing.
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && colon < 80 && MapCriterionText(section, text[..colon], strict: true) is { } fromLabel)
        {
            return fromLabel;
        }

        return MapCriterionText(section, text, strict: false);
    }

    private static string? MapCriterionText(int section, string text, bool strict)
    {
        var t = text.ToLowerInvariant();
        bool Has(params string[] words) => words.Any(w => t.Contains(w, StringComparison.Ordinal));
        string? Code() => Has("example input", "sample input", "example data", "sample data", "input example", "example") ? "code.example-input"
            : Has("determinis", "same output", "same result", "identical") ? "code.deterministic"
            : Has("code", "runs", "run ", "runnable", "entry point", "script") ? "code.runs" : null;
        string? Config() => Has("seed") ? "config.seeds"
            : Has("determinis", "same result", "same output", "identical") ? "config.deterministic"
            : Has("changing", "change ", "actually used", "really used", "is used", "are used", "read from", "affect") ? "config.used"
            : Has("config", "parameter", "yaml", "json", "toml", "hydra", "file") ? "config.files" : null;
        string? Data() => Has("schema", "structure", "format", "columns", "documented", "documentation", "interface") ? "data.documented"
            : Has("step", "stage", "pipeline", "preprocess", "intermediate", "dvc.yaml") ? "data.pipeline"
            : Has("swap", "replace", "another dataset", "modif", "different dataset") ? "data.swappable"
            : Has("data", "artifact", "artefact", "dataset", "download", "dvc", "lfs") ? "data.managed" : null;
        string? Env() => Has("hardware", "gpu", "cpu", " ram", "memory", "cuda", "v100", "a100", "tpu") ? "env.hardware"
            : Has("docker", "container", "image", "example environment", "devcontainer", "environment.yml", "conda env") ? "env.example"
            : Has("package", "requirements", "dependenc", "pip", "conda", "poetry", "lock") ? "env.packages"
            : Has("environment") ? "env.example" : null;
        string? Eval() => Has("compare", "comparison", "across runs", "experiment", "metrics", "tracking", "mlflow", "tensorboard", "wandb") ? "eval.compare"
            : Has("app", "notebook", "predict", "demo", "inference", "locally", "custom input", "arbitrary input", "api", "ui", "gradio", "streamlit") ? "eval.predict" : null;

        return section switch
        {
            1 => Code() ?? (strict ? null : "code.runs"),
            2 => Config() ?? (strict ? null : "config.files"),
            3 => Data() ?? (strict ? null : "data.managed"),
            4 => Env(),
            5 => Eval() ?? (strict ? null : "eval.predict"),
            // Outside the sections: only distinctive keywords count.
            _ => Has("seed") ? "config.seeds"
                : Has("requirements", "package list") ? "env.packages"
                : Has("docker", "container") ? "env.example"
                : Has("schema") ? "data.documented"
                : Has("example input") ? "code.example-input"
                : Has("gradio", "streamlit", "predict") ? "eval.predict"
                : Has("compare", "metrics") ? "eval.compare" : null,
        };
    }

    private static HashSet<int> CodeLines(MarkdownDocument markdown)
    {
        var lines = new HashSet<int>();
        foreach (var c in markdown.CodeBlocks)
        {
            var n = c.Text.Count(ch => ch == '\n') + 1;
            for (var l = c.Line - 1; l <= c.Line + n; l++)
            {
                lines.Add(l);
            }
        }

        return lines;
    }

    private static int? DeclaredStars(SourceText source, HashSet<int> codeLines)
    {
        for (var line = 1; line <= source.LineCount; line++)
        {
            if (codeLines.Contains(line))
            {
                continue;
            }

            var text = source.GetLine(line);
            var m = StarsStatement().Match(text);
            if (m.Success)
            {
                return m.Groups["n"].Value[0] - '0';
            }

            var filled = text.Count(c => c == '★') + CountOf(text, "⭐");
            var empty = text.Count(c => c == '☆');
            if (filled + empty == 5 && empty > 0 && StarRun().IsMatch(text))
            {
                return filled;
            }
        }

        return null;
    }

    private static int CountOf(string text, string what)
    {
        var n = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    private static UserRegion? ReadUserRegion(SourceText source, List<Diagnostic> diagnostics)
    {
        var starts = UserStart().Matches(source.Text);
        if (starts.Count == 0)
        {
            if (UserEnd().IsMatch(source.Text))
            {
                var orphan = UserEnd().Match(source.Text);
                diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(source.GetPosition(orphan.Index).Line), DiagnosticSeverity.Warning, "reproducibility.user-region-unopened", "mlrepro:user-end without a preceding mlrepro:user-start"));
            }

            return null;
        }

        var start = starts[0];
        var startLine = source.GetPosition(start.Index).Line;
        if (starts.Count > 1)
        {
            diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(source.GetPosition(starts[1].Index).Line), DiagnosticSeverity.Warning, "reproducibility.user-region-repeated", "more than one mlrepro:user-start; only the first region is kept"));
        }

        var end = UserEnd().Match(source.Text, start.Index + start.Length);
        if (!end.Success)
        {
            diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(startLine), DiagnosticSeverity.Warning, "reproducibility.user-region-unclosed", "mlrepro:user-start without a following mlrepro:user-end; the region is not kept"));
            return null;
        }

        var textStart = start.Index + start.Length;
        return new UserRegion(source.Text[textStart..end.Index], startLine, source.GetPosition(end.Index).Line);
    }

    [GeneratedRegex(@"^\s{0,3}(?:(?:\*\*|__)(?<t>[^*_\n]{1,120})(?:\*\*|__)\s*:?|\d[.)]\s+(?:\*\*)?(?<t>[^*\n\[\]]{1,80}?)(?:\*\*)?\s*:?)\s*$")]
    private static partial Regex PseudoHeading();

    [GeneratedRegex(@"^(?:\s+|[-–—:.,)(#*_|]+|(?:level|step|star|stage|part|section)\s*(?<n>[1-5])\b|(?<n>[1-5])(?:\s*[.)]|\b)|[★⭐☆]+\s*(?:(?<n>[1-5])\b)?|[\p{So}\p{Cs}\uFE0F\u200D]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Decoration();

    [GeneratedRegex(@"^[a-z][a-z\-]*")]
    private static partial Regex FirstWord();

    [GeneratedRegex(@"(?i)(?:\b(?:stars?|score|rating|reproducibility(?:\s+level)?)\s*[:=]\s*\**\s*(?<n>[0-5])\s*(?:/\s*5)?|\b(?<n>[0-5])\s*/\s*5\s*(?:stars?|★))")]
    private static partial Regex StarsStatement();

    [GeneratedRegex(@"[★⭐☆]{2,}|(?:⭐){2,}")]
    private static partial Regex StarRun();

    [GeneratedRegex(@"<!--\s*mlrepro:user-start\s*-->")]
    private static partial Regex UserStart();

    [GeneratedRegex(@"<!--\s*mlrepro:user-end\s*-->")]
    private static partial Regex UserEnd();
}
