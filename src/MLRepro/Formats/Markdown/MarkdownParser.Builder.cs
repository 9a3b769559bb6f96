using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using MLRepro.Text;

namespace MLRepro.Formats.Markdown;

public static partial class MarkdownParser
{
    /// <summary>Collects the parts of a document in order; shared by the Markdown and plain-text readers.</summary>
    private sealed class Builder(SourceText source)
    {
        private readonly List<MarkdownHeading> _headings = [];
        private readonly List<int> _headingStack = [];
        private readonly List<(string Heading, int Level, int Line, StringBuilder Text)> _sections = [("", 0, 1, new StringBuilder())];
        private readonly List<MarkdownCodeBlock> _code = [];
        private readonly List<ShellCommand> _commands = [];
        private readonly List<ShellCommand> _inlineCommands = [];
        private readonly List<MarkdownBadge> _badges = [];
        private readonly List<MarkdownTable> _tables = [];
        private readonly List<MarkdownTaskItem> _tasks = [];
        private readonly List<UnsafeHtml> _unsafeHtml = [];
        private readonly HashSet<string> _limitsReported = new(StringComparer.Ordinal);

        public SourceText Source { get; } = source;

        public List<Diagnostic> Diagnostics { get; } = [];

        public List<MarkdownLink> Links { get; } = [];

        private bool Room<T>(List<T> list, string what, int line)
        {
            if (list.Count < MaxEntries)
            {
                return true;
            }

            if (_limitsReported.Add(what))
            {
                Diagnostics.Add(new Diagnostic(Source.Path, SourceSpan.At(line), DiagnosticSeverity.Info, "markdown.limit", $"more than {MaxEntries} {what}; the rest are not kept"));
            }

            return false;
        }

        public void AddHeading(int level, string text, int line)
        {
            if (!Room(_headings, "headings", line))
            {
                return;
            }

            while (_headingStack.Count > 0 && _headings[_headingStack[^1]].Level >= level)
            {
                _headingStack.RemoveAt(_headingStack.Count - 1);
            }

            int? parent = _headingStack.Count > 0 ? _headingStack[^1] : null;
            _headings.Add(new MarkdownHeading(level, text, line, parent));
            _headingStack.Add(_headings.Count - 1);
            _sections.Add((text, level, line, new StringBuilder()));
        }

        public void AppendText(string text)
        {
            if (text.Length == 0)
            {
                return;
            }

            var sb = _sections[^1].Text;
            if (sb.Length + text.Length > MaxSectionChars)
            {
                return;
            }

            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append(text);
        }

        public void AddCode(string? language, string text, int line, bool fenced, List<(string Text, int Line)> lines)
        {
            if (!Room(_code, "code blocks", line))
            {
                return;
            }

            _code.Add(new MarkdownCodeBlock(language, text, line, fenced));
            foreach (var c in ExtractCommands(language, lines))
            {
                if (!Room(_commands, "commands", c.Line))
                {
                    break;
                }

                _commands.Add(c);
            }
        }

        public void AddLooseCommand(ShellCommand command)
        {
            if (command.Text.Length > 0 && Room(_commands, "commands", command.Line))
            {
                _commands.Add(command);
            }
        }

        /// <summary>A command written as inline code in prose; kept at Build unless a code block documents the same command.</summary>
        public void AddInlineCommand(ShellCommand command)
        {
            if (command.Text.Length > 0 && Room(_inlineCommands, "inline commands", command.Line))
            {
                _inlineCommands.Add(command);
            }
        }

        public void AddTable(int line, ImmutableArray<string> header, ImmutableArray<ImmutableArray<string>> rows)
        {
            if (Room(_tables, "tables", line))
            {
                _tables.Add(new MarkdownTable(line, _sections[^1].Heading, header, rows));
            }
        }

        public void AddTask(bool isChecked, string text, int line, ImmutableArray<string> links)
        {
            if (Room(_tasks, "task items", line))
            {
                _tasks.Add(new MarkdownTaskItem(isChecked, text, line, links));
            }
        }

        public void AddLink(string text, string url, int line, bool isImage, bool fromHtml)
        {
            if (!Room(Links, "links", line))
            {
                return;
            }

            var kind = ClassifyUrl(url);
            var isUnsafe = IsUnsafeUrl(url);
            Links.Add(new MarkdownLink(text, url, line, isImage, kind, isUnsafe, fromHtml));
            if (isUnsafe)
            {
                Diagnostics.Add(new Diagnostic(Source.Path, SourceSpan.At(line), DiagnosticSeverity.Warning, "markdown.unsafe-link", $"link target with an unsafe scheme kept as data: {Shorten(url)}"));
            }
        }

        public void ConsiderBadge(string alt, string imageUrl, string? linkUrl, int line)
        {
            if (IsBadge(imageUrl, linkUrl) && Room(_badges, "badges", line))
            {
                _badges.Add(new MarkdownBadge(alt, imageUrl, linkUrl, BadgeService(imageUrl, alt, linkUrl), line));
            }
        }

        /// <summary>Scans raw HTML for links, images (badges when inside a link) and script-capable markup.</summary>
        public void ScanHtml(string html, int line, ref string? openLink)
        {
            // NonBacktracking: linear in the HTML's length, so no timeout is needed and the result never depends on the
            // machine's load (a timeout made the same README scan differently on a busy machine).
            foreach (Match m in HtmlTag().Matches(html))
            {
                var tagLine = line + CountNewlines(html, m.Index);
                var closing = m.Groups[1].Value == "/";
                var tag = m.Groups[2].Value.ToLowerInvariant();
                var attrs = m.Groups[3].Value;
                if (tag is "script" or "iframe" or "object" or "embed" or "form" or "meta" or "base")
                {
                    if (!closing && Room(_unsafeHtml, "unsafe HTML tags", tagLine))
                    {
                        _unsafeHtml.Add(new UnsafeHtml(tag, tagLine));
                        Diagnostics.Add(new Diagnostic(Source.Path, SourceSpan.At(tagLine), DiagnosticSeverity.Warning, "markdown.unsafe-html", $"<{tag}> in documentation kept as data, never rendered or run"));
                    }

                    continue;
                }

                var handler = EventHandlerAttribute().Match(attrs);
                if (!closing && handler.Success && Room(_unsafeHtml, "unsafe HTML tags", tagLine))
                {
                    _unsafeHtml.Add(new UnsafeHtml(handler.Groups[1].Value.ToLowerInvariant(), tagLine));
                    Diagnostics.Add(new Diagnostic(Source.Path, SourceSpan.At(tagLine), DiagnosticSeverity.Warning, "markdown.unsafe-html", $"event handler {handler.Groups[1].Value} in documentation kept as data"));
                }

                if (tag == "a")
                {
                    if (closing)
                    {
                        openLink = null;
                        continue;
                    }

                    var href = Attribute(attrs, "href");
                    openLink = href;
                    if (href is not null)
                    {
                        AddLink(string.Empty, href, tagLine, isImage: false, fromHtml: true);
                    }
                }
                else if (tag == "img" && !closing && Attribute(attrs, "src") is { } src)
                {
                    var alt = Attribute(attrs, "alt") ?? string.Empty;
                    AddLink(alt, src, tagLine, isImage: true, fromHtml: true);
                    ConsiderBadge(alt, src, openLink, tagLine);
                }
            }
        }

        public MarkdownDocument Build(DocFlavor flavor, FrontMatter? frontMatter)
        {
            var lastLine = Math.Max(1, Source.LineCount);
            var sections = new List<MarkdownSection>();
            for (var i = 0; i < _sections.Count; i++)
            {
                var s = _sections[i];
                var end = i + 1 < _sections.Count ? Math.Max(s.Line, _sections[i + 1].Line - 1) : lastLine;
                if (i == 0 && s.Text.Length == 0)
                {
                    continue; // no preamble
                }

                sections.Add(new MarkdownSection(s.Heading, s.Level, s.Line, end, s.Text.ToString()));
            }

            var title = frontMatter?.Title;
            title ??= _headings.FirstOrDefault(h => h.Level == 1)?.Text ?? _headings.FirstOrDefault()?.Text;
            var commands = _commands;
            if (_inlineCommands.Count > 0)
            {
                var known = new HashSet<string>(_commands.Select(c => c.Text), StringComparer.Ordinal);
                commands = [.. _commands.Concat(_inlineCommands.Where(c => known.Add(c.Text))).OrderBy(c => c.Line).Take(MaxEntries)];
            }

            return new MarkdownDocument(Source.Path, flavor, title, frontMatter, [.. _headings], [.. sections], [.. _code], [.. commands],
                [.. Links], [.. _badges], [.. _tables], [.. _tasks], [.. _unsafeHtml], [.. Diagnostics]);
        }

        private static int CountNewlines(string s, int end)
        {
            var n = 0;
            for (var i = 0; i < end && i < s.Length; i++)
            {
                if (s[i] == '\n')
                {
                    n++;
                }
            }

            return n;
        }

        private static string? Attribute(string attrs, string name)
        {
            foreach (Match m in HtmlAttribute().Matches(attrs))
            {
                if (string.Equals(m.Groups[1].Value, name, StringComparison.OrdinalIgnoreCase))
                {
                    return m.Groups[3].Success ? m.Groups[3].Value : m.Groups[4].Success ? m.Groups[4].Value : m.Groups[5].Value;
                }
            }

            return null;
        }
    }

    // ---------------------------------------------------------------- URLs and badges

    /// <summary>Whether a URL is absolute, relative, an anchor or an e-mail address.</summary>
    public static UrlKind ClassifyUrl(string url)
    {
        var u = url.Trim();
        if (u.StartsWith('#'))
        {
            return UrlKind.Anchor;
        }

        if (u.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return UrlKind.Email;
        }

        return u.StartsWith("//", StringComparison.Ordinal) || Scheme().IsMatch(u) ? UrlKind.Absolute : UrlKind.Relative;
    }

    /// <summary>Whether a URL's scheme can run code or read local files when followed (javascript:, vbscript:, file:, data: other than raster images).</summary>
    public static bool IsUnsafeUrl(string url)
    {
        // Browsers ignore whitespace and control characters inside the scheme ("java\tscript:"), so do we.
        var sb = new StringBuilder(Math.Min(url.Length, 64));
        foreach (var c in url)
        {
            if (c > ' ')
            {
                sb.Append(char.ToLowerInvariant(c));
            }

            if (sb.Length >= 40)
            {
                break;
            }
        }

        var n = sb.ToString();
        if (n.StartsWith("javascript:", StringComparison.Ordinal) || n.StartsWith("vbscript:", StringComparison.Ordinal) || n.StartsWith("file:", StringComparison.Ordinal))
        {
            return true;
        }

        return n.StartsWith("data:", StringComparison.Ordinal) && !SafeDataImage().IsMatch(n);
    }

    private static bool IsBadge(string imageUrl, string? linkUrl)
    {
        var u = imageUrl.ToLowerInvariant();
        if (u.Contains("shields.io", StringComparison.Ordinal) || u.Contains("badge", StringComparison.Ordinal) || u.Contains("badgen.net", StringComparison.Ordinal)
            || u.Contains("travis-ci.", StringComparison.Ordinal) || u.Contains("codecov.io", StringComparison.Ordinal) || u.Contains("coveralls.io", StringComparison.Ordinal)
            || u.Contains("circleci.com", StringComparison.Ordinal) || u.Contains("/workflows/", StringComparison.Ordinal) || u.Contains("pepy.tech", StringComparison.Ordinal))
        {
            return true;
        }

        // An SVG image inside a link that is not a repository-local file is a badge in practice.
        return linkUrl is not null && ClassifyUrl(u) == UrlKind.Absolute && (u.EndsWith(".svg", StringComparison.Ordinal) || u.Contains(".svg?", StringComparison.Ordinal));
    }

    private static readonly (string Needle, string Service)[] BadgeServices =
    [
        ("colab", "colab"), ("mybinder", "binder"), ("binder", "binder"), ("huggingface", "huggingface"), ("hf.co", "huggingface"),
        ("/workflows/", "github-actions"), ("github/actions", "github-actions"), ("github/workflow", "github-actions"),
        ("codecov", "codecov"), ("coveralls", "coverage"), ("coverage", "coverage"), ("travis", "travis"), ("circleci", "circleci"),
        ("readthedocs", "docs"), ("docs", "docs"), ("pypi", "pypi"), ("pepy", "pypi"), ("badge.fury", "pypi"), ("conda", "conda"),
        ("arxiv", "arxiv"), ("zenodo", "doi"), ("doi", "doi"), ("license", "license"), ("docker", "docker"),
        ("paperswithcode", "paperswithcode"), ("wandb", "wandb"), ("dvc", "dvc"), ("dagshub", "dagshub"), ("kaggle", "kaggle"),
        ("streamlit", "streamlit"), ("gradio", "gradio"), ("python", "python"), ("pytorch", "pytorch"), ("black", "code-style"),
        ("code%20style", "code-style"), ("code style", "code-style"), ("ruff", "code-style"), ("pre-commit", "code-style"),
    ];

    private static string BadgeService(string imageUrl, string alt, string? linkUrl)
    {
        var hay = (imageUrl + " " + alt + " " + linkUrl).ToLowerInvariant();
        foreach (var (needle, service) in BadgeServices)
        {
            if (hay.Contains(needle, StringComparison.Ordinal))
            {
                return service;
            }
        }

        return "other";
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "…";

    // ---------------------------------------------------------------- shell commands

    /// <summary>
    /// Shell commands of a code block. Shell-language blocks give every line; console blocks and blocks with
    /// prompts give only prompt lines; unlabelled or text blocks give lines whose first word is a known command.
    /// </summary>
    internal static List<ShellCommand> ExtractCommands(string? language, List<(string Text, int Line)> lines)
    {
        var result = new List<ShellCommand>();
        var isShell = language is not null && ShellLanguages.Contains(language);
        var isPlain = language is null || PlainLanguages.Contains(language);
        if (!isShell && !isPlain)
        {
            return result;
        }

        var hasPrompt = lines.Any(l => Prompt().IsMatch(l.Text));
        var promptOnly = hasPrompt || (language is not null && ConsoleLanguages.Contains(language));
        StringBuilder? pending = null;
        var pendingLine = 0;
        var inferred = !isShell;
        foreach (var (raw, line) in lines)
        {
            var text = raw.TrimEnd();
            if (pending is null)
            {
                var prompt = Prompt().Match(text);
                if (prompt.Success)
                {
                    text = text[prompt.Length..];
                }
                else if (promptOnly)
                {
                    continue; // output of a console session
                }

                text = StripComment(text).Trim();
                if (text.Length == 0)
                {
                    continue;
                }

                if (!isShell && !prompt.Success && !LooksLikeCommand(text))
                {
                    continue;
                }

                pending = new StringBuilder();
                pendingLine = line;
            }
            else
            {
                text = StripComment(text).Trim();
            }

            var continues = false;
            if (text.EndsWith('\\'))
            {
                text = text[..^1].TrimEnd();
                continues = true;
            }
            else if (text.EndsWith("&&", StringComparison.Ordinal) || text.EndsWith("||", StringComparison.Ordinal) || (text.EndsWith('|') && text.Length > 1))
            {
                continues = true;
            }

            if (text.Length > 0 && pending.Length < MaxCommandLength)
            {
                if (pending.Length > 0)
                {
                    pending.Append(' ');
                }

                pending.Append(text.Length + pending.Length > MaxCommandLength ? text[..Math.Max(0, MaxCommandLength - pending.Length)] : text);
            }

            if (!continues)
            {
                if (pending.Length > 0)
                {
                    result.Add(new ShellCommand(pending.ToString(), pendingLine, inferred && !hasPrompt));
                }

                pending = null;
            }
        }

        if (pending is { Length: > 0 })
        {
            result.Add(new ShellCommand(pending.ToString(), pendingLine, inferred && !hasPrompt));
        }

        return result;
    }

    internal static bool LooksLikeCommand(string line)
    {
        foreach (var token in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (EnvAssignment().IsMatch(token))
            {
                continue; // CUDA_VISIBLE_DEVICES=0 python train.py
            }

            return token.StartsWith("./", StringComparison.Ordinal) || KnownCommands.Contains(token);
        }

        return false;
    }

    /// <summary>Drops a shell comment: a whole-line # or a # after whitespace outside quotes.</summary>
    internal static string StripComment(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith('#'))
        {
            return string.Empty;
        }

        char quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else if (c == '\\' && quote == '"')
                {
                    i++;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '\\')
            {
                i++;
            }
            else if (c == '#' && i > 0 && char.IsWhiteSpace(line[i - 1]))
            {
                return line[..i].TrimEnd();
            }
        }

        return line;
    }

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.\-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^data:image/(png|jpeg|jpg|gif|webp|avif|bmp)[;,]")]
    private static partial Regex SafeDataImage();

    [GeneratedRegex(@"^\s*(?:\([^)]{0,40}\)\s*)?(?:[\w.@:~/\-]{0,60})?[$%]\s+")]
    private static partial Regex Prompt();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*=\S*$")]
    private static partial Regex EnvAssignment();

    [GeneratedRegex(@"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b([^<>]*)>?", RegexOptions.NonBacktracking)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*(=\s*(?:""([^""]*)""|'([^']*)'|([^\s""'>]+)))?")]
    private static partial Regex HtmlAttribute();

    [GeneratedRegex(@"\b(on[a-zA-Z]{3,20})\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();
}
