using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using MLRepro.Formats.Dependencies;
using MLRepro.Model;

namespace MLRepro.Analysis;

/// <summary>One line of a documentation section about dependencies ("## Dependencies", "## Requirements").</summary>
/// <param name="Path">The documentation file.</param>
/// <param name="Line">1-based line of the item.</param>
/// <param name="Text">The item's text, without list marker, backticks or emphasis.</param>
public sealed record DocumentedItem(string Path, int Line, string Text);

/// <summary>
/// Packages the documentation declares outside any dependency file: list items of a README's "Dependencies" /
/// "Requirements" / "Prerequisites" / "Installation" / "Environment" section ("- `numpy==1.14.1`", "1. PyTorch",
/// "OpenAI Gym (&gt;= 0.26)"), and the packages of documented install commands (<c>conda install pytorch torchvision -c pytorch</c>,
/// <c>pip install gym==0.21</c>). A careful reader installs these before running, so they are declared, though not recreatable
/// from a file.
/// </summary>
public static partial class DocumentedDependencies
{
    /// <summary>Most items read from one section: a longer list is a table of contents or a changelog, not dependencies.</summary>
    public const int MaxItemsPerSection = 60;

    /// <summary>Longest item read; longer lines are prose paragraphs.</summary>
    public const int MaxItemLength = 200;

    private static readonly ConditionalWeakTable<ProjectModel, IReadOnlyList<DocumentedItem>> s_items = [];
    private static readonly ConditionalWeakTable<ProjectModel, IReadOnlyList<Dependency>> s_requirements = [];

    /// <summary>The list items (and code lines) of the docs' dependency sections, in document order.</summary>
    public static IReadOnlyList<DocumentedItem> Items(ProjectModel project) => s_items.GetValue(project, ReadItems);

    /// <summary>
    /// Requirements the docs state with a version or by install command: <c>tensorflow-gpu==1.6.0</c> in a Dependencies list,
    /// the packages of <c>pip install</c>/<c>conda install</c> commands. Names are normalized; conda entries keep their kind.
    /// </summary>
    public static IReadOnlyList<Dependency> Requirements(ProjectModel project) => s_requirements.GetValue(project, ReadRequirements);

    /// <summary>
    /// Where the docs declare a distribution (by any of its names: PyPI distribution, import module, conda name), or null:
    /// an install command that installs it, or a dependency-section item that names it as a word ("PyTorch", "OpenAI Gym").
    /// </summary>
    public static Findings.Evidence? Declares(ProjectModel project, ThirdPartyImport import)
    {
        var names = NamesOf(import);
        if (Requirements(project).FirstOrDefault(d => names.Contains(d.Name) || (d.Kind == DependencyKind.Conda && Knowledge.CondaNames.PyPiNameOf(d.Name) is { } p && names.Contains(p))) is { } dep)
        {
            return Findings.Evidence.At(dep.Path, dep.Line, $"the docs install {dep.RawName}{dep.Specifier}");
        }

        foreach (var item in Items(project))
        {
            var lower = item.Text.ToLowerInvariant();
            if (names.Any(n => NamesWord(lower, n)))
            {
                return Findings.Evidence.At(item.Path, item.Line, "the docs' dependency list names it", item.Text);
            }
        }

        return null;
    }

    /// <summary>Lower-case names a reader may write for an import: its module, its distributions, their conda names, and "opencv" for opencv-python.</summary>
    internal static HashSet<string> NamesOf(ThirdPartyImport import)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { Dependency.Normalize(import.Module) };
        foreach (var d in import.Distributions)
        {
            var n = Dependency.Normalize(d);
            names.Add(n);
            foreach (var conda in Knowledge.CondaNames.CondaNamesOf(n))
            {
                names.Add(conda);
            }

            // "OpenCV", "dateutil": prose drops the -python affix of a binding's distribution name.
            if (n.EndsWith("-python", StringComparison.Ordinal) && n.Length > "-python".Length + 3)
            {
                names.Add(n[..^"-python".Length]);
            }
        }

        return names;
    }

    /// <summary>Whether the name occurs as a word of its own (not inside "torchvision" for "torch", nor "gym-atari" for "gym").</summary>
    private static bool NamesWord(string lower, string name)
    {
        for (var at = lower.IndexOf(name, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 ? ' ' : lower[at - 1];
            var after = at + name.Length >= lower.Length ? ' ' : lower[at + name.Length];
            if (!IsNameChar(before) && !IsNameChar(after) && !(after == '.' && at + name.Length + 1 < lower.Length && char.IsAsciiLetter(lower[at + name.Length + 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private static IReadOnlyList<DocumentedItem> ReadItems(ProjectModel project)
    {
        var items = new List<DocumentedItem>();
        foreach (var d in project.Docs)
        {
            // A changelog's "Dependencies" entries record upgrades ("bumped torch to 2.1"), not what to install.
            var name = d.Path[(d.Path.LastIndexOf('/') + 1)..].ToLowerInvariant();
            if (name.StartsWith("changelog", StringComparison.Ordinal) || name.StartsWith("changes", StringComparison.Ordinal) || name.StartsWith("history", StringComparison.Ordinal)
                || name.StartsWith("release", StringComparison.Ordinal) || project.Text(d.Path) is not { } text)
            {
                continue;
            }

            // A sub-section of a dependencies section ("#### Install Dependencies" > "##### 1. Python" listing gensim 0.12.4) lists them too.
            var sections = d.Sections.Where((s, i) => s.Level > 0 && (DependencyHeading().IsMatch(s.Heading)
                || d.Sections.Take(i).LastOrDefault(p => p.Level > 0 && p.Level < s.Level) is { } parent && DependencyHeading().IsMatch(parent.Heading))).ToList();
            items.AddRange(LeadInLists(d.Path, text, d.Sections.Where(s => !sections.Contains(s))));
            foreach (var s in sections)
            {
                var count = 0;
                var fenced = false;
                for (var line = s.Line + 1; line <= Math.Min(s.EndLine, text.LineCount) && count < MaxItemsPerSection; line++)
                {
                    var raw = text.GetLine(line);
                    var trimmed = raw.Trim();
                    if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
                    {
                        fenced = !fenced;
                        if (fenced && NameBlock(text, line + 1, Math.Min(s.EndLine, text.LineCount)) is { } block)
                        {
                            // A code block that is only a column of package names ("PyTorch", "NumPy", "gym 0.15"): a list, one per line.
                            foreach (var (nameLine, nameText) in block.Take(MaxItemsPerSection - count))
                            {
                                items.Add(new DocumentedItem(d.Path, nameLine, nameText));
                                count++;
                            }

                            line = block[^1].Line;
                        }

                        continue;
                    }

                    // A list item, or a bare requirement line of a code block (numpy==1.14.1); prose paragraphs are not lists.
                    string? item = null;
                    if (!fenced && ListItem().Match(raw) is { Success: true } li)
                    {
                        item = li.Groups["text"].Value;
                    }
                    else if (fenced && RequirementSpec().Match(trimmed) is { Success: true } spec && spec.Index == 0 && spec.Length == trimmed.Length)
                    {
                        item = trimmed;
                    }

                    if (item is null || item.Length > MaxItemLength)
                    {
                        continue;
                    }

                    items.Add(new DocumentedItem(d.Path, line, Markup().Replace(item, string.Empty).Trim()));
                    count++;
                }
            }
        }

        return items;
    }

    /// <summary>
    /// The list items that follow a lead-in line naming them as dependencies ("The versions of dependencies:", "we also used the
    /// following libraries:") in a section whose heading says nothing about them: a list of two or more items, read like one
    /// under a Dependencies heading.
    /// </summary>
    private static IEnumerable<DocumentedItem> LeadInLists(string path, Text.SourceText text, IEnumerable<Formats.Markdown.MarkdownSection> sections)
    {
        foreach (var s in sections)
        {
            for (var line = s.Line; line <= Math.Min(s.EndLine, text.LineCount); line++)
            {
                if (!LeadIn().IsMatch(text.GetLine(line)))
                {
                    continue;
                }

                var list = new List<DocumentedItem>();
                var next = line + 1;
                for (; next <= Math.Min(s.EndLine, text.LineCount) && list.Count < MaxItemsPerSection; next++)
                {
                    var raw = text.GetLine(next);
                    if (raw.Trim().Length == 0)
                    {
                        continue;
                    }

                    if (ListItem().Match(raw) is not { Success: true } li)
                    {
                        break;
                    }

                    if (li.Groups["text"].Value.Length <= MaxItemLength)
                    {
                        list.Add(new DocumentedItem(path, next, Markup().Replace(li.Groups["text"].Value, string.Empty).Trim()));
                    }
                }

                if (list.Count >= 2)
                {
                    foreach (var item in list)
                    {
                        yield return item;
                    }
                }

                line = next - 1;
            }
        }
    }

    /// <summary>A prose line that introduces a list of dependencies and ends in a colon ("The versions of dependencies:", "the following libraries and modules:").</summary>
    [GeneratedRegex(@"(?i)^(?!\s{0,6}(?:[-*+]|\d{1,2}[.)])\s).*\b(?:dependenc(?:y|ies)|requirements?|prerequisites?|packages|librar(?:y|ies)|modules)\b[^:\n]{0,60}:\s*$")]
    private static partial Regex LeadIn();

    /// <summary>
    /// The lines of a fenced block starting at <paramref name="first"/> when it holds two or more lines, each a bare package name
    /// with at most a version (Python 3, PyTorch, NumPy, gym 0.15.4), and nothing else (no command, no prose); otherwise null.
    /// </summary>
    private static List<(int Line, string Text)>? NameBlock(Text.SourceText text, int first, int last)
    {
        var names = new List<(int, string)>();
        for (var line = first; line <= last; line++)
        {
            var trimmed = text.GetLine(line).Trim();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                return names.Count >= 2 ? names : null;
            }

            if (trimmed.Length > 0 && !BareName().IsMatch(trimmed))
            {
                return null;
            }

            if (trimmed.Length > 0)
            {
                names.Add((line, trimmed));
            }
        }

        return null;
    }

    /// <summary>A package name alone, with at most a version after it: "PyTorch", "Box-2d", "Python 3", "gym 0.15.4", "torch v1.2", "metis 0.2a.4" (a pre-release).</summary>
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9._-]*(?:\s+v?[0-9][0-9.]*(?:[A-Za-z][A-Za-z0-9]*(?:\.[0-9]+)*)?)?$")]
    private static partial Regex BareName();

    private static IReadOnlyList<Dependency> ReadRequirements(ProjectModel project)
    {
        var deps = new List<Dependency>();
        foreach (var item in Items(project))
        {
            foreach (Match m in RequirementSpec().Matches(item.Text))
            {
                var spec = m.Groups["op"].Value + m.Groups["version"].Value;
                var name = m.Groups["name"].Value;
                if (Dependency.Normalize(name) is "python" or "cuda" or "cudnn")
                {
                    continue;
                }

                var exact = Dependency.ExactVersionOf(spec);
                deps.Add(new Dependency(Dependency.Normalize(name), name, [], spec, exact, exact is not null, false, null, item.Path, item.Line, DependencyKind.InstallCommand, "pypi"));
            }
        }

        foreach (var d in project.Docs)
        {
            foreach (var c in d.Commands)
            {
                deps.AddRange(PipInstallParser.Parse(c.Text, d.Path, c.Line).SelectMany(p => p.Packages));
            }
        }

        return deps;
    }

    /// <summary>Headings of sections that list what to install.</summary>
    [GeneratedRegex(@"\b(?:dependenc|requirement|prerequisite|install|environment|env\b|setup\b|set\s*up\b|getting\s+started|packages?\b|librar)", RegexOptions.IgnoreCase)]
    private static partial Regex DependencyHeading();

    [GeneratedRegex(@"^\s{0,6}(?:[-*+]|\d{1,2}[.)])\s+(?<text>\S.*)$")]
    private static partial Regex ListItem();

    /// <summary>A requirement with a version operator: numpy==1.14.1, tensorflow-gpu == 1.6.0, torch&gt;=1.4.</summary>
    [GeneratedRegex(@"(?<![\w.-])(?<name>[A-Za-z][A-Za-z0-9._-]*)(?:\[[\w,\s-]*\])?\s*(?<op>===?|>=|<=|~=|!=)\s*(?<version>[0-9][A-Za-z0-9.*+!-]*)")]
    private static partial Regex RequirementSpec();

    /// <summary>Inline markup around names: backticks, emphasis, link brackets.</summary>
    [GeneratedRegex(@"`|\*\*|__|\[|\]\([^)]*\)|\]")]
    private static partial Regex Markup();
}
