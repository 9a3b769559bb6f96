using System.Text.RegularExpressions;
using MLRepro.Text;

namespace MLRepro.Formats.Markdown;

public static partial class MarkdownParser
{
    /// <summary>
    /// Reads reStructuredText or plain text: headings by underline (and overline) runs, Markdown-style # lines
    /// and short all-caps lines; code from <c>.. code-block::</c> directives and <c>::</c> literal blocks; links from
    /// <c>`text &lt;url&gt;`_</c>, <c>.. _name: url</c>, <c>.. image::</c> (with <c>:target:</c>) and bare URLs.
    /// </summary>
    public static MarkdownDocument ParsePlain(SourceText source, DocFlavor flavor)
    {
        var b = new Builder(source);
        var styles = new List<string>();
        var n = source.LineCount;
        var paragraph = new List<string>();
        void Flush()
        {
            if (paragraph.Count > 0)
            {
                b.AppendText(RstInlineLink().Replace(string.Join(" ", paragraph.Select(p => p.Trim())), m => m.Groups[1].Value.Trim()));
                paragraph.Clear();
            }
        }

        var line = 1;
        string? pendingImage = null;
        var pendingImageLine = 0;
        while (line <= n)
        {
            var text = source.GetLine(line);
            var next = line < n ? source.GetLine(line + 1) : string.Empty;
            var trimmed = text.Trim();

            // Overline + title + underline.
            if (IsUnderline(trimmed) && line + 2 <= n && source.GetLine(line + 1).Trim().Length > 0 && source.GetLine(line + 2).Trim() == trimmed && !IsUnderline(source.GetLine(line + 1).Trim()))
            {
                Flush();
                var title = source.GetLine(line + 1).Trim();
                b.AddHeading(LevelOf(styles, "o" + trimmed[0]), title, line + 1);
                line += 3;
                continue;
            }

            // Title + underline at least as long.
            if (trimmed.Length > 0 && !IsUnderline(trimmed) && IsUnderline(next.Trim()) && next.Trim().Length >= Math.Min(trimmed.Length, 3) && !char.IsWhiteSpace(text.Length > 0 ? text[0] : 'x'))
            {
                Flush();
                b.AddHeading(LevelOf(styles, "u" + next.Trim()[0]), trimmed, line);
                line += 2;
                continue;
            }

            var hash = MarkdownHeading().Match(text);
            if (hash.Success && flavor == DocFlavor.PlainText)
            {
                Flush();
                b.AddHeading(hash.Groups[1].Length, hash.Groups[2].Value.Trim(), line);
                line++;
                continue;
            }

            if (flavor == DocFlavor.PlainText && IsCapsHeading(trimmed) && (line == 1 || source.GetLine(line - 1).Trim().Length == 0) && next.Trim().Length == 0)
            {
                Flush();
                b.AddHeading(1, trimmed, line);
                line++;
                continue;
            }

            var directive = CodeDirective().Match(text);
            var literal = !directive.Success && trimmed.EndsWith("::", StringComparison.Ordinal) && !trimmed.StartsWith("..", StringComparison.Ordinal);
            if (directive.Success || literal)
            {
                if (literal && trimmed.Length > 2)
                {
                    paragraph.Add(trimmed[..^1]);
                }

                Flush();
                var lang = directive.Success && directive.Groups[1].Value.Length > 0 ? directive.Groups[1].Value.ToLowerInvariant() : null;
                var indent = Indent(text);
                var l = line + 1;
                while (l <= n && (source.GetLine(l).Trim().Length == 0 || (directive.Success && source.GetLine(l).TrimStart().StartsWith(':') && Indent(source.GetLine(l)) > indent)))
                {
                    l++; // blank lines and directive options
                }

                var lines = new List<(string Text, int Line)>();
                var minIndent = int.MaxValue;
                while (l <= n && (source.GetLine(l).Trim().Length == 0 || Indent(source.GetLine(l)) > indent))
                {
                    var t = source.GetLine(l);
                    if (t.Trim().Length > 0)
                    {
                        minIndent = Math.Min(minIndent, Indent(t));
                    }

                    lines.Add((t, l));
                    l++;
                }

                while (lines.Count > 0 && lines[^1].Text.Trim().Length == 0)
                {
                    lines.RemoveAt(lines.Count - 1);
                }

                if (lines.Count > 0)
                {
                    var cut = minIndent == int.MaxValue ? 0 : minIndent;
                    var dedented = lines.Select(x => (x.Text.Length >= cut ? x.Text[cut..] : x.Text.TrimStart(), x.Line)).ToList();
                    b.AddCode(lang, string.Join("\n", dedented.Select(x => x.Item1)), dedented[0].Line, fenced: directive.Success, dedented);
                }

                line = Math.Max(l, line + 1);
                continue;
            }

            var image = ImageDirective().Match(text);
            if (image.Success)
            {
                Flush();
                if (pendingImage is not null)
                {
                    b.AddLink(string.Empty, pendingImage, pendingImageLine, isImage: true, fromHtml: false);
                    b.ConsiderBadge(string.Empty, pendingImage, null, pendingImageLine);
                }

                pendingImage = image.Groups[1].Value.Trim();
                pendingImageLine = line;
                line++;
                continue;
            }

            var target = TargetOption().Match(text);
            if (target.Success && pendingImage is not null)
            {
                var url = target.Groups[1].Value.Trim();
                b.AddLink(string.Empty, url, line, isImage: false, fromHtml: false);
                b.AddLink(string.Empty, pendingImage, pendingImageLine, isImage: true, fromHtml: false);
                b.ConsiderBadge(string.Empty, pendingImage, url, pendingImageLine);
                pendingImage = null;
                line++;
                continue;
            }

            if (pendingImage is not null && !text.TrimStart().StartsWith(':'))
            {
                b.AddLink(string.Empty, pendingImage, pendingImageLine, isImage: true, fromHtml: false);
                b.ConsiderBadge(string.Empty, pendingImage, null, pendingImageLine);
                pendingImage = null;
            }

            var linkTarget = RstLinkTarget().Match(text);
            if (linkTarget.Success)
            {
                b.AddLink(linkTarget.Groups[1].Value.Trim(), linkTarget.Groups[2].Value.Trim(), line, isImage: false, fromHtml: false);
                line++;
                continue;
            }

            var covered = new List<(int Start, int End)>();
            foreach (Match m in RstInlineLink().Matches(text))
            {
                b.AddLink(m.Groups[1].Value.Trim(), m.Groups[2].Value.Trim(), line, isImage: false, fromHtml: false);
                covered.Add((m.Index, m.Index + m.Length));
            }

            foreach (Match m in BareUrl().Matches(text))
            {
                if (!covered.Any(c => m.Index >= c.Start && m.Index < c.End))
                {
                    var url = m.Value.TrimEnd('.', ',', ';', ':', ')', '>', '`', '\'', '"');
                    b.AddLink(url, url, line, isImage: false, fromHtml: false);
                }
            }

            if (trimmed.Contains('<') && trimmed.Contains('>'))
            {
                string? open = null;
                b.ScanHtml(text, line, ref open);
            }

            if (trimmed.Length == 0)
            {
                Flush();
            }
            else if (!trimmed.StartsWith("..", StringComparison.Ordinal))
            {
                paragraph.Add(trimmed);
                if (Indent(text) >= 2 && LooksLikeCommand(trimmed))
                {
                    // Plain-text READMEs indent commands instead of fencing them.
                    b.AddLooseCommand(new ShellCommand(StripComment(trimmed).Trim(), line, Inferred: true));
                }
            }

            line++;
        }

        if (pendingImage is not null)
        {
            b.AddLink(string.Empty, pendingImage, pendingImageLine, isImage: true, fromHtml: false);
            b.ConsiderBadge(string.Empty, pendingImage, null, pendingImageLine);
        }

        Flush();
        return b.Build(flavor, null);
    }

    private static bool IsUnderline(string s)
    {
        if (s.Length < 3)
        {
            return false;
        }

        var c = s[0];
        if ("=-~^\"'`*+#:._".IndexOf(c, StringComparison.Ordinal) < 0)
        {
            return false;
        }

        foreach (var ch in s)
        {
            if (ch != c)
            {
                return false;
            }
        }

        return true;
    }

    private static int LevelOf(List<string> styles, string style)
    {
        // reStructuredText levels follow the order in which adornment styles first appear.
        var i = styles.IndexOf(style);
        if (i < 0)
        {
            styles.Add(style);
            i = styles.Count - 1;
        }

        return Math.Min(6, i + 1);
    }

    private static bool IsCapsHeading(string s) =>
        s.Length is >= 3 and <= 60 && s.Any(char.IsLetter) && s.Where(char.IsLetter).All(char.IsUpper) && !s.EndsWith('.') && !s.Contains("://", StringComparison.Ordinal);

    private static int Indent(string s)
    {
        var i = 0;
        while (i < s.Length && (s[i] == ' ' || s[i] == '\t'))
        {
            i++;
        }

        return i;
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.+?)\s*#*\s*$")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^\s*\.\.\s+(?:code-block|code|sourcecode)::\s*([\w+\-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex CodeDirective();

    [GeneratedRegex(@"^\s*\.\.\s+(?:\|[^|]{1,100}\|\s+)?(?:image|figure)::\s*(\S+)")]
    private static partial Regex ImageDirective();

    [GeneratedRegex(@"^\s+:target:\s*(\S+)")]
    private static partial Regex TargetOption();

    [GeneratedRegex(@"^\s*\.\.\s+_([^:]{1,200}):\s*(\S+)\s*$")]
    private static partial Regex RstLinkTarget();

    [GeneratedRegex(@"`([^`<]{0,500})<([^>`\s]{1,2000})>`__?")]
    private static partial Regex RstInlineLink();

    [GeneratedRegex(@"\b(?:https?|ftp)://[^\s<>`""']{1,2000}")]
    private static partial Regex BareUrl();
}
