using System.Text;
using System.Text.RegularExpressions;
using MLRepro.Text;

namespace MLRepro.Formats.Snakemake;

/// <summary>Reads Snakefile rules by indentation: rule name, fields and their string literals.</summary>
public static partial class SnakemakeParser
{
    /// <summary>Parses one Snakefile.</summary>
    public static SnakemakeDocument Parse(SourceText source)
    {
        var diags = new List<Diagnostic>();
        var rules = new List<SnakemakeRule>();
        var configFiles = new List<string>();
        var includes = new List<string>();
        var n = 1;
        while (n <= source.LineCount)
        {
            var line = source.GetLine(n);
            if (RuleHeader().Match(line) is { Success: true } rh)
            {
                var ruleIndent = Indent(line);
                var name = rh.Groups[3].Success ? rh.Groups[3].Value : "rule" + n;
                var start = n;
                var fields = new List<SnakemakeField>();
                n++;
                var fieldIndent = -1;
                while (n <= source.LineCount)
                {
                    var l = source.GetLine(n);
                    if (l.Trim().Length == 0 || l.TrimStart().StartsWith('#'))
                    {
                        n++;
                        continue;
                    }

                    var ind = Indent(l);
                    if (ind <= ruleIndent)
                    {
                        break;
                    }

                    if (Field().Match(l) is { Success: true } fm && (fieldIndent < 0 || ind == fieldIndent))
                    {
                        fieldIndent = ind;
                        var text = new StringBuilder(fm.Groups[2].Value);
                        var fline = n;
                        n++;
                        // The field continues on deeper-indented lines (or inside an open triple quote).
                        while (n <= source.LineCount)
                        {
                            var c = source.GetLine(n);
                            var open = CountTriple(text.ToString()) % 2 == 1;
                            if (!open && c.Trim().Length > 0 && Indent(c) <= fieldIndent)
                            {
                                break;
                            }

                            text.Append('\n').Append(c);
                            n++;
                        }

                        var body = text.ToString().Trim();
                        fields.Add(new SnakemakeField(fm.Groups[1].Value, body, Strings(body), fline));
                        continue;
                    }

                    n++;
                }

                rules.Add(new SnakemakeRule(name, start, rh.Groups[1].Value == "checkpoint", fields));
                continue;
            }

            if (TopDirective().Match(line) is { Success: true } td)
            {
                (td.Groups[1].Value == "include" ? includes : configFiles).AddRange(Strings(td.Groups[2].Value));
            }

            n++;
        }

        if (rules.Count == 0)
        {
            diags.Add(new Diagnostic(source.Path, null, DiagnosticSeverity.Info, "snakemake.no-rules", "no rule or checkpoint found"));
        }

        return new SnakemakeDocument(source.Path, rules, configFiles, includes, diags);
    }

    private static int Indent(string l)
    {
        var i = 0;
        var width = 0;
        while (i < l.Length && l[i] is ' ' or '\t')
        {
            width += l[i] == '\t' ? 4 : 1;
            i++;
        }

        return width;
    }

    private static int CountTriple(string s) => Regex.Count(s, "\"\"\"|'''");

    /// <summary>Python string literals in a field (concatenated adjacent literals are kept apart).</summary>
    internal static IReadOnlyList<string> Strings(string text)
    {
        var list = new List<string>();
        foreach (Match m in StringLiteral().Matches(text))
        {
            // Triple-quoted shell blocks are indented Python text: their outer whitespace is not the command.
            list.Add(m.Groups["t1"].Success ? m.Groups["t1"].Value.Trim() : m.Groups["t2"].Success ? m.Groups["t2"].Value.Trim() : m.Groups["d"].Success ? m.Groups["d"].Value : m.Groups["s"].Value);
        }

        return list;
    }

    [GeneratedRegex(@"^\s*(rule|checkpoint)(\s+([A-Za-z_][A-Za-z0-9_]*))?\s*:\s*(#.*)?$")]
    private static partial Regex RuleHeader();

    [GeneratedRegex(@"^\s+(input|output|params|shell|script|run|log|conda|container|singularity|threads|resources|wildcard_constraints|benchmark|message|priority|notebook|wrapper|cwl|envmodules|group|localrule|retries|cache|handover|default_target|shadow|name)\s*:(.*)$")]
    private static partial Regex Field();

    [GeneratedRegex(@"^(configfile|include)\s*:\s*(.*)$")]
    private static partial Regex TopDirective();

    [GeneratedRegex(@"[rRfFbBuU]{0,2}(""""""(?<t1>[\s\S]*?)""""""|'''(?<t2>[\s\S]*?)'''|""(?<d>(?:[^""\\\n]|\\.)*)""|'(?<s>(?:[^'\\\n]|\\.)*)')")]
    private static partial Regex StringLiteral();
}
