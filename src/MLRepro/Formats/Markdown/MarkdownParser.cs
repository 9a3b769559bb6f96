using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MLRepro.Formats.Yaml;
using MLRepro.Text;
using SourceSpan = MLRepro.Text.SourceSpan;

namespace MLRepro.Formats.Markdown;

/// <summary>
/// Parses documentation files: Markdown with Markdig (front matter, pipe tables, task lists, autolinks), and
/// README.rst / README.txt as plain text with a heading heuristic. Never throws on content.
/// </summary>
public static partial class MarkdownParser
{
    /// <summary>Deepest Markdown nesting (lists, quotes, inlines) Markdig builds; deeper content is flattened by Markdig.</summary>
    public const int MaxNestingDepth = 64;

    /// <summary>Deepest inline nesting walked when projecting text.</summary>
    public const int MaxInlineDepth = 64;

    /// <summary>Longest front matter, in lines; longer front matter is not read.</summary>
    public const int MaxFrontMatterLines = 5_000;

    /// <summary>Longest shell command kept after joining continuation lines.</summary>
    public const int MaxCommandLength = 4_096;

    /// <summary>Most entries kept per list (links, commands, headings…); the rest is dropped with a diagnostic.</summary>
    public const int MaxEntries = 20_000;

    /// <summary>Most characters of section text kept per section.</summary>
    public const int MaxSectionChars = 200_000;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder { MaximumNestingDepth = MaxNestingDepth }
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseTaskLists()
        .UseAutoLinks()
        .Build();

    private static readonly HashSet<string> ShellLanguages = new(StringComparer.Ordinal)
    {
        "sh", "bash", "shell", "zsh", "console", "shell-session", "shellsession", "sh-session", "terminal", "fish", "ksh",
        "powershell", "pwsh", "ps1", "bat", "batch", "cmd",
    };

    private static readonly HashSet<string> ConsoleLanguages = new(StringComparer.Ordinal) { "console", "shell-session", "shellsession", "sh-session", "terminal" };

    private static readonly HashSet<string> PlainLanguages = new(StringComparer.Ordinal) { "text", "txt", "plain", "plaintext", "none" };

    /// <summary>First words that make a line of an unlabelled block look like a shell command.</summary>
    internal static readonly HashSet<string> KnownCommands = new(StringComparer.Ordinal)
    {
        "pip", "pip3", "python", "python3", "conda", "mamba", "micromamba", "git", "docker", "docker-compose", "make",
        "bash", "sh", "cd", "dvc", "wget", "curl", "kaggle", "huggingface-cli", "hf", "mlflow", "streamlit", "gradio",
        "uv", "poetry", "pipenv", "pdm", "export", "source", "apt", "apt-get", "sudo", "torchrun", "accelerate",
        "jupyter", "npm", "pytest", "tensorboard", "mkdir", "unzip", "tar", "gdown", "nvidia-smi", "deepspeed",
        "lakectl", "dolt", "tox", "nox", "cmake", "singularity", "apptainer", "srun", "sbatch", "pixi", "hatch",
    };

    /// <summary>Parses a documentation file, choosing the flavor from its extension.</summary>
    public static MarkdownDocument Parse(SourceText source)
    {
        var ext = System.IO.Path.GetExtension(source.Path).ToLowerInvariant();
        return ext switch
        {
            ".md" or ".markdown" or ".mdown" or ".mkd" or ".mdx" => ParseMarkdown(source),
            ".rst" => ParsePlain(source, DocFlavor.ReStructuredText),
            _ => ParsePlain(source, DocFlavor.PlainText),
        };
    }

    /// <summary>Parses Markdown.</summary>
    public static MarkdownDocument ParseMarkdown(SourceText source)
    {
        var b = new Builder(source);
        var frontMatter = ReadFrontMatter(source, b.Diagnostics);
        Markdig.Syntax.MarkdownDocument? md = null;
        try
        {
            md = Markdig.Markdown.Parse(FlattenDeepNesting(source, b.Diagnostics) ?? source.Text, Pipeline);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Markdig rejects some hostile inputs (nesting past its limit) by throwing: fall back to plain text.
            b.Diagnostics.Add(new Diagnostic(source.Path, null, DiagnosticSeverity.Warning, "markdown.unparsed", $"Markdown could not be parsed ({e.GetType().Name}: {e.Message}); read as plain text"));
        }

        if (md is null)
        {
            var plain = ParsePlain(source, DocFlavor.PlainText);
            return plain with { Flavor = DocFlavor.Markdown, FrontMatter = frontMatter, Diagnostics = [.. b.Diagnostics, .. plain.Diagnostics] };
        }

        new MarkdigWalker(b).Walk(md);
        return b.Build(DocFlavor.Markdown, frontMatter);
    }

    /// <summary>
    /// Markdig bounds the tree it builds but still works quadratically through very deep container prefixes
    /// ("> > > …", "- - - …"), so lines nested past <see cref="MaxNestingDepth"/> are cut to that depth before
    /// parsing. Line numbers stay the same; a diagnostic names the first line cut. Null when nothing was cut.
    /// </summary>
    private static string? FlattenDeepNesting(SourceText source, List<Diagnostic> diagnostics)
    {
        System.Text.StringBuilder? sb = null;
        var text = source.Text;
        for (var line = 1; line <= source.LineCount; line++)
        {
            var start = source.LineStarts[line - 1];
            var content = source.GetLine(line);
            var rawEnd = line < source.LineCount ? source.LineStarts[line] : text.Length;
            var cut = NestingCut(content);
            if (cut is { } c)
            {
                if (sb is null)
                {
                    diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(line), DiagnosticSeverity.Warning, "markdown.too-deep", $"nesting deeper than {MaxNestingDepth} levels; the deeper structure is read flat"));
                    sb = new System.Text.StringBuilder(text.Length);
                    sb.Append(text, 0, start);
                }

                sb.Append(content, 0, c.Keep).Append(content, c.Resume, content.Length - c.Resume);
                sb.Append(text, start + content.Length, rawEnd - start - content.Length);
            }
            else
            {
                sb?.Append(text, start, rawEnd - start);
            }
        }

        return sb?.ToString();
    }

    /// <summary>For a line nested too deep: how much of its container prefix to keep, and where its content resumes.</summary>
    private static (int Keep, int Resume)? NestingCut(string text)
    {
        int markers = 0, indent = 0, keep = -1, indentKeep = -1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t')
            {
                indent += c == '\t' ? 4 : 1;
                i++;
                if (indent / 2 == MaxNestingDepth && indentKeep < 0)
                {
                    indentKeep = i;
                }

                continue;
            }

            var width = 0;
            if (c == '>')
            {
                width = 1;
            }
            else if (c is '-' or '*' or '+' && i + 1 < text.Length && text[i + 1] == ' ')
            {
                width = 2;
            }
            else if (char.IsAsciiDigit(c))
            {
                var j = i;
                while (j < text.Length && j - i < 9 && char.IsAsciiDigit(text[j]))
                {
                    j++;
                }

                if (j + 1 < text.Length && text[j] is '.' or ')' && text[j + 1] == ' ')
                {
                    width = j + 2 - i;
                }
            }

            if (width == 0)
            {
                break;
            }

            i += width;
            if (++markers == MaxNestingDepth)
            {
                keep = i;
            }
        }

        if (markers > MaxNestingDepth)
        {
            return (keep, i);
        }

        return indent / 2 > MaxNestingDepth && indentKeep >= 0 ? (indentKeep, i) : null;
    }

    // ---------------------------------------------------------------- front matter

    private static FrontMatter? ReadFrontMatter(SourceText source, List<Diagnostic> diagnostics)
    {
        if (source.LineCount < 2 || source.GetLine(1).TrimEnd() != "---")
        {
            return null;
        }

        var end = 0;
        for (var l = 2; l <= Math.Min(source.LineCount, MaxFrontMatterLines); l++)
        {
            var t = source.GetLine(l).TrimEnd();
            if (t is "---" or "...")
            {
                end = l;
                break;
            }
        }

        if (end == 0)
        {
            diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(1), DiagnosticSeverity.Warning, "markdown.front-matter-unclosed", $"front matter opened with --- but not closed within {MaxFrontMatterLines} lines"));
            return null;
        }

        var start = source.LineStarts[1];
        var stop = source.LineStarts[end - 1];
        var yaml = source.Text[start..stop];
        var yamlDiagnostics = new List<Diagnostic>();
        var root = YamlLoader.Load(new SourceText(source.Path, yaml), yamlDiagnostics, YamlReadOptions.FrontMatter, firstLine: 2).Root;
        diagnostics.AddRange(yamlDiagnostics);
        var map = root as YamlMappingNode;
        if (root is not null && map is null)
        {
            diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(2), DiagnosticSeverity.Warning, "markdown.front-matter-not-mapping", "front matter is not a YAML mapping"));
        }

        return BuildFrontMatter(map, 1, end);
    }

    private static FrontMatter BuildFrontMatter(YamlMappingNode? map, int line, int endLine)
    {
        var keys = map is null ? ImmutableArray<string>.Empty : [.. map.Entries.Select(e => e.Key)];
        string? Joined(string key) => map?.First(key) switch
        {
            YamlScalarNode s => s.Value,
            YamlSequenceNode q => string.Join(", ", q.Items.OfType<YamlScalarNode>().Select(x => x.Value)),
            _ => null,
        };
        ImmutableArray<string> List(string key) => map?.First(key) switch
        {
            YamlScalarNode s when s.Value.Length > 0 => [s.Value],
            YamlSequenceNode q => [.. q.Items.OfType<YamlScalarNode>().Select(x => x.Value).Take(MaxEntries)],
            _ => [],
        };

        var configs = ReadCardConfigs(map);
        var sdk = map?.FirstString("sdk");
        var kind = CardKind.Unknown;
        if (sdk is not null || keys.Contains("app_file"))
        {
            kind = CardKind.Space;
        }
        else if (keys.Contains("dataset_info") || keys.Contains("task_categories") || keys.Contains("configs") || keys.Contains("size_categories") || keys.Contains("source_datasets"))
        {
            kind = CardKind.Dataset;
        }
        else if (keys.Contains("pipeline_tag") || keys.Contains("library_name") || keys.Contains("model-index") || keys.Contains("base_model") || (keys.Contains("license") && keys.Contains("datasets")))
        {
            kind = CardKind.Model;
        }

        return new FrontMatter(line, endLine, keys, map?.FirstString("title"), kind, Joined("license"), List("datasets"), List("tags"), sdk, map?.FirstString("sdk_version"),
            map?.FirstString("app_file"), map?.FirstString("pipeline_tag"), map?.FirstString("library_name"), Joined("base_model"), configs);
    }

    private static ImmutableArray<CardConfig> ReadCardConfigs(YamlMappingNode? map)
    {
        if (map is null)
        {
            return [];
        }

        var order = new List<string>();
        var files = new Dictionary<string, (int Line, List<string> Files)>(StringComparer.Ordinal);
        var features = new Dictionary<string, (int Line, List<CardFeature> Features)>(StringComparer.Ordinal);
        var budget = MaxEntries;

        if (map.First("configs") is YamlSequenceNode configs)
        {
            foreach (var c in configs.Items.OfType<YamlMappingNode>())
            {
                var name = c.FirstString("config_name") ?? "default";
                if (!files.ContainsKey(name))
                {
                    order.Add(name);
                    files[name] = (c.Line, []);
                }

                CollectDataFiles(c.First("data_files"), files[name].Files, ref budget, 0);
            }
        }

        IEnumerable<YamlMappingNode> infos = map.First("dataset_info") switch
        {
            YamlMappingNode m => [m],
            YamlSequenceNode s => s.Items.OfType<YamlMappingNode>(),
            _ => [],
        };
        foreach (var info in infos)
        {
            var name = info.FirstString("config_name") ?? "default";
            var list = new List<CardFeature>();
            CollectFeatures(info.First("features"), list, ref budget, 0);
            if (!features.ContainsKey(name))
            {
                features[name] = (info.Line, list);
            }

            if (!order.Contains(name))
            {
                order.Add(name);
            }
        }

        return [.. order.Select(n => new CardConfig(
            n,
            files.TryGetValue(n, out var f) ? f.Line : features[n].Line,
            files.TryGetValue(n, out var f2) ? [.. f2.Files] : [],
            features.TryGetValue(n, out var ft) ? [.. ft.Features] : []))];
    }

    private static void CollectDataFiles(YamlNode? node, List<string> into, ref int budget, int depth)
    {
        if (node is null || depth > 8 || budget <= 0)
        {
            return;
        }

        switch (node)
        {
            case YamlScalarNode s:
                budget--;
                into.Add(s.Value);
                break;
            case YamlSequenceNode q:
                foreach (var i in q.Items)
                {
                    CollectDataFiles(i, into, ref budget, depth + 1);
                }

                break;
            case YamlMappingNode m:
                // data_files: [{split: train, path: …}] or {train: …}
                if (m.First("path") is { } p)
                {
                    CollectDataFiles(p, into, ref budget, depth + 1);
                }
                else
                {
                    foreach (var e in m.Entries)
                    {
                        if (e.Key != "split")
                        {
                            CollectDataFiles(e.Value, into, ref budget, depth + 1);
                        }
                    }
                }

                break;
        }
    }

    private static void CollectFeatures(YamlNode? node, List<CardFeature> into, ref int budget, int depth)
    {
        if (node is not YamlSequenceNode seq || depth > 4)
        {
            return;
        }

        foreach (var item in seq.Items.OfType<YamlMappingNode>())
        {
            if (--budget <= 0)
            {
                return;
            }

            var name = item.FirstString("name");
            if (name is null)
            {
                continue;
            }

            into.Add(new CardFeature(name, DescribeDtype(item, 0), item.Line));
        }
    }

    private static string DescribeDtype(YamlMappingNode feature, int depth)
    {
        if (depth > 4)
        {
            return "…";
        }

        if (feature.FirstString("dtype") is { } dtype)
        {
            return dtype;
        }

        // dtype: {class_label: {names: …}} nests the structural kind one level down.
        var entries = feature.First("dtype") is YamlMappingNode nested ? nested.Entries : feature.Entries;
        foreach (var e in entries)
        {
            switch (e.Key)
            {
                case "class_label":
                    return "class_label";
                case "sequence" or "list" or "large_list":
                    return e.Value switch
                    {
                        YamlScalarNode s => $"{e.Key}<{s.Value}>",
                        YamlMappingNode m => $"{e.Key}<{DescribeDtype(m, depth + 1)}>",
                        YamlSequenceNode => $"{e.Key}<struct>",
                        _ => e.Key,
                    };
                case "struct":
                    return "struct";
                case "image" or "audio" or "video" or "translation" or "array2d" or "array3d":
                    return e.Key;
            }
        }

        return "unknown";
    }

    // ---------------------------------------------------------------- Markdig walk

    private sealed class MarkdigWalker(Builder b)
    {
        private string? _htmlLinkOpen;

        public void Walk(Markdig.Syntax.MarkdownDocument document)
        {
            // Iterative walk in document order: nesting can be as deep as Markdig allows without using the stack.
            var stack = new Stack<Block>();
            for (var i = document.Count - 1; i >= 0; i--)
            {
                stack.Push(document[i]);
            }

            while (stack.Count > 0)
            {
                var block = stack.Pop();
                switch (block)
                {
                    case YamlFrontMatterBlock:
                        break;
                    case HeadingBlock h:
                        b.AddHeading(h.Level, Inlines(h.Inline, h.Line + 1, collectLinks: true), h.Line + 1);
                        break;
                    case Table t:
                        WalkTable(t);
                        break;
                    case FencedCodeBlock f:
                        AddCode(f, Language(f.Info), fenced: true);
                        break;
                    case CodeBlock c:
                        AddCode(c, null, fenced: false);
                        break;
                    case HtmlBlock html:
                        var htmlSource = html.Lines.ToString();
                        b.ScanHtml(htmlSource, html.Line + 1, ref _htmlLinkOpen);
                        _htmlLinkOpen = null;
                        if (html.Type != HtmlBlockType.Comment)
                        {
                            b.AppendText(HtmlText(htmlSource));
                        }

                        break;
                    case ParagraphBlock p:
                        WalkParagraph(p);
                        break;
                    case ContainerBlock c:
                        for (var i = c.Count - 1; i >= 0; i--)
                        {
                            stack.Push(c[i]);
                        }

                        break;
                    case LeafBlock leaf when leaf.Inline is not null:
                        b.AppendText(Inlines(leaf.Inline, leaf.Line + 1, collectLinks: true));
                        break;
                }
            }
        }

        private void WalkParagraph(ParagraphBlock p)
        {
            var line = p.Line + 1;
            var linksBefore = b.Links.Count;
            var text = Inlines(p.Inline, line, collectLinks: true);
            b.AppendText(text);
            AddInlineCommands(p, line);
            if (p.Parent is ListItemBlock item && item.Count > 0 && ReferenceEquals(item[0], p) && p.Inline?.FirstChild is TaskList task)
            {
                b.AddTask(task.Checked, text.Trim(), line, [.. b.Links.Skip(linksBefore).Select(l => l.Url)]);
            }
        }

        /// <summary>
        /// Commands written as inline code in prose or list items ("run `python train.py -c config.json`"): the README documents
        /// them as much as a code block does. Kept as inferred commands when they start like a shell command and have arguments.
        /// </summary>
        private void AddInlineCommands(ParagraphBlock p, int line)
        {
            if (p.Inline is null)
            {
                return;
            }

            foreach (var code in p.Inline.FindDescendants<CodeInline>())
            {
                var content = code.Content.Trim();
                if (content.Length > MaxCommandLength || content.Contains('\n', StringComparison.Ordinal) || !content.Contains(' ', StringComparison.Ordinal))
                {
                    continue;
                }

                var at = code.Line >= 0 ? code.Line + 1 : line;
                foreach (var c in ExtractCommands(null, [(content, at)]))
                {
                    b.AddInlineCommand(c);
                }
            }
        }

        private void WalkTable(Table t)
        {
            var header = ImmutableArray<string>.Empty;
            var rows = new List<ImmutableArray<string>>();
            foreach (var rowBlock in t)
            {
                if (rowBlock is not TableRow row)
                {
                    continue;
                }

                var cells = new List<string>();
                foreach (var cellBlock in row)
                {
                    if (cellBlock is not TableCell cell)
                    {
                        continue;
                    }

                    var sb = new StringBuilder();
                    foreach (var inner in cell)
                    {
                        if (inner is LeafBlock leaf)
                        {
                            sb.Append(Inlines(leaf.Inline, leaf.Line + 1, collectLinks: true));
                        }
                    }

                    cells.Add(sb.ToString().Trim());
                }

                if (row.IsHeader && header.IsEmpty && rows.Count == 0)
                {
                    header = [.. cells];
                }
                else if (rows.Count < MaxEntries)
                {
                    rows.Add([.. cells]);
                }

                b.AppendText(string.Join(" | ", cells));
            }

            b.AddTable(t.Line + 1, header, [.. rows]);
        }

        private void AddCode(LeafBlock block, string? language, bool fenced)
        {
            var lines = new List<(string Text, int Line)>();
            var sl = block.Lines;
            for (var i = 0; i < sl.Count; i++)
            {
                lines.Add((sl.Lines[i].Slice.ToString(), sl.Lines[i].Line + 1));
            }

            var first = lines.Count > 0 ? lines[0].Line : block.Line + 1;
            b.AddCode(language, string.Join("\n", lines.Select(l => l.Text)), first, fenced, lines);
        }

        private static string? Language(string? info)
        {
            if (string.IsNullOrWhiteSpace(info))
            {
                return null;
            }

            var word = info.Trim().Split([' ', '\t', '{', ','], 2)[0].Trim('{', '}', '.');
            return word.Length == 0 ? null : word.ToLowerInvariant();
        }

        private string Inlines(ContainerInline? container, int fallbackLine, bool collectLinks)
        {
            if (container is null)
            {
                return string.Empty;
            }

            var sb = new StringBuilder();
            AppendInlines(container, sb, null, 0, fallbackLine, collectLinks);
            return Whitespace().Replace(sb.ToString(), " ").Trim();
        }

        private static string AltText(ContainerInline image)
        {
            var sb = new StringBuilder();
            for (var i = image.FirstChild; i is not null; i = i.NextSibling)
            {
                if (i is LiteralInline lit)
                {
                    sb.Append(lit.Content.ToString());
                }
            }

            return sb.ToString();
        }

        private void AppendInlines(ContainerInline container, StringBuilder sb, LinkInline? enclosingLink, int depth, int fallbackLine, bool collectLinks)
        {
            if (depth > MaxInlineDepth)
            {
                return;
            }

            for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
            {
                var line = inline.Line >= 0 ? inline.Line + 1 : fallbackLine;
                switch (inline)
                {
                    case LiteralInline lit:
                        sb.Append(lit.Content.ToString());
                        break;
                    case CodeInline code:
                        sb.Append(code.Content);
                        break;
                    case LineBreakInline:
                        sb.Append(' ');
                        break;
                    case HtmlEntityInline ent:
                        sb.Append(ent.Transcoded.ToString());
                        break;
                    case HtmlInline html:
                        b.ScanHtml(html.Tag, line, ref _htmlLinkOpen);
                        break;
                    case AutolinkInline auto:
                        sb.Append(auto.Url);
                        if (collectLinks)
                        {
                            b.AddLink(auto.Url, auto.IsEmail ? "mailto:" + auto.Url : auto.Url, line, isImage: false, fromHtml: false);
                        }

                        break;
                    case LinkInline link:
                        var inner = new StringBuilder();
                        AppendInlines(link, inner, link.IsImage ? enclosingLink : link, depth + 1, line, collectLinks);
                        var text = Whitespace().Replace(inner.ToString(), " ").Trim();
                        if (!link.IsImage && text.Length == 0 && link.FirstChild is LinkInline { IsImage: true } image)
                        {
                            // A badge link has no text of its own: name it by the image's alt text.
                            text = Whitespace().Replace(AltText(image), " ").Trim();
                        }

                        if (!link.IsImage)
                        {
                            sb.Append(inner);
                        }

                        if (collectLinks)
                        {
                            var url = link.Url ?? string.Empty;
                            b.AddLink(text, url, line, link.IsImage, fromHtml: false);
                            if (link.IsImage)
                            {
                                b.ConsiderBadge(text, url, enclosingLink?.Url, line);
                            }
                        }

                        break;
                    case ContainerInline c:
                        AppendInlines(c, sb, enclosingLink, depth + 1, line, collectLinks);
                        break;
                }
            }
        }
    }

    /// <summary>Longest HTML block whose text is read into its section; longer blocks keep only their links.</summary>
    public const int MaxHtmlTextChars = 100_000;

    /// <summary>
    /// The prose of an HTML block, as a browser shows it: READMEs wrap paragraphs in <c>&lt;p align="justify"&gt;</c> or
    /// <c>&lt;div&gt;</c>, and that text is part of the section like any Markdown paragraph. Tags are dropped, entities decoded,
    /// block tags and <c>&lt;br&gt;</c> break lines; comments, scripts and styles show nothing. Heading levels stay
    /// Markdown's own: an <c>&lt;h2&gt;</c> in HTML adds text, not a section.
    /// </summary>
    internal static string HtmlText(string html)
    {
        if (html.Length > MaxHtmlTextChars)
        {
            return string.Empty;
        }

        var visible = HtmlHidden().Replace(html, " ");
        visible = HtmlBreak().Replace(visible, "\n");
        visible = HtmlAnyTag().Replace(visible, string.Empty);
        // Markdown emphasis and code marks are not rendered inside an HTML block; authors still meant them as marks.
        visible = visible.Replace("**", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal);
        var lines = System.Net.WebUtility.HtmlDecode(visible).Split('\n')
            .Select(l => Whitespace().Replace(l, " ").Trim())
            .Where(l => l.Length > 0);
        return string.Join("\n", lines);
    }

    [GeneratedRegex(@"<!--.*?(?:-->|\z)|<script\b[^>]*>.*?(?:</script\s*>|\z)|<style\b[^>]*>.*?(?:</style\s*>|\z)", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex HtmlHidden();

    [GeneratedRegex(@"</?(?:p|div|br|li|ul|ol|tr|td|th|table|thead|tbody|h[1-6]|blockquote|pre|details|summary|section|hr|dl|dt|dd|center|figure|figcaption)\b[^<>]*>|\n\s*\n", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex HtmlBreak();

    [GeneratedRegex(@"</?[a-zA-Z][a-zA-Z0-9]*\b[^<>]*>", RegexOptions.NonBacktracking)]
    private static partial Regex HtmlAnyTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
