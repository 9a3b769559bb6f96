using System.Text;
using System.Text.RegularExpressions;
using MLRepro.Text;

namespace MLRepro.Formats.Makefile;

/// <summary>
/// A line-based GNU Makefile reader: variables, rules, recipes, .PHONY and includes. Conditionals are not
/// evaluated (every branch is read); `$(VAR)` is expanded only for variables whose value is literal.
/// </summary>
public static partial class MakefileParser
{
    /// <summary>Nested expansion depth for `$(VAR)` (a self-referencing variable stops here).</summary>
    public const int MaxExpansionDepth = 16;

    /// <summary>Parses one Makefile.</summary>
    public static MakefileDocument Parse(SourceText source)
    {
        var diags = new List<Diagnostic>();
        var vars = new List<MakeVariable>();
        var rules = new List<(List<string> Targets, List<string> Prereqs, List<(string, int)> Recipe, int Line)>();
        var includes = new List<string>();
        var phony = new HashSet<string>(StringComparer.Ordinal);
        var inDefine = false;
        (List<string> Targets, List<string> Prereqs, List<(string, int)> Recipe, int Line)? current = null;
        for (var n = 1; n <= source.LineCount; n++)
        {
            var start = n;
            var line = source.GetLine(n);
            while (line.EndsWith('\\') && n < source.LineCount)
            {
                line = line[..^1] + " " + source.GetLine(++n).TrimStart();
            }

            if (inDefine)
            {
                inDefine = !line.TrimStart().StartsWith("endef", StringComparison.Ordinal);
                continue;
            }

            if (line.StartsWith('\t'))
            {
                if (current is { } c)
                {
                    c.Recipe.Add((line[1..], start));
                }

                continue;
            }

            var t = StripComment(line).Trim();
            if (t.Length == 0)
            {
                continue;
            }

            if (t.StartsWith("define ", StringComparison.Ordinal))
            {
                inDefine = true;
                continue;
            }

            if (Conditional().IsMatch(t))
            {
                continue;
            }

            if (Include().Match(t) is { Success: true } inc)
            {
                includes.AddRange(inc.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                continue;
            }

            if (Assignment().Match(t) is { Success: true } a)
            {
                vars.Add(new MakeVariable(a.Groups[1].Value, a.Groups[2].Value, a.Groups[3].Value.Trim(), start));
                current = null;
                continue;
            }

            var colon = RuleColon(t);
            if (colon > 0)
            {
                var targets = t[..colon].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
                var rest = t[(colon + 1)..].TrimStart(':');
                var semi = rest.IndexOf(';');
                var recipe = new List<(string, int)>();
                if (semi >= 0)
                {
                    recipe.Add((rest[(semi + 1)..].Trim(), start));
                    rest = rest[..semi];
                }

                var prereqs = rest.Replace("|", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
                if (targets.Contains(".PHONY"))
                {
                    phony.UnionWith(prereqs);
                    current = null;
                    continue;
                }

                var rule = (targets, prereqs, recipe, start);
                rules.Add(rule);
                current = rule;
                continue;
            }

            diags.Add(new Diagnostic(source.Path, SourceSpan.At(start), DiagnosticSeverity.Info, "make.unrecognized", "line is neither a rule, a variable nor a directive; skipped"));
        }

        var literal = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var v in vars)
        {
            if (v.Operator == "+=")
            {
                literal[v.Name] = literal.TryGetValue(v.Name, out var old) ? old + " " + v.Value : v.Value;
            }
            else if (v.Operator == "?=")
            {
                literal.TryAdd(v.Name, v.Value);
            }
            else if (v.Operator != "!=")
            {
                literal[v.Name] = v.Value;
            }
        }

        // Targets and prerequisites are expanded too, so `$(DATA_DIR)/x.csv` links rules by their real paths.
        List<string> ExpandAll(List<string> names) => [.. names.SelectMany(x => Expand(x, literal, 0).Split(' ', StringSplitOptions.RemoveEmptyEntries))];
        var result = rules.Select(r => new MakeRule(ExpandAll(r.Targets), ExpandAll(r.Prereqs), r.Recipe.Select(x => new MakeRecipeLine(x.Item1, Expand(x.Item1.TrimStart().TrimStart('@', '-', '+').TrimStart(), literal, 0), x.Item2)).ToList(), r.Line, ExpandAll(r.Targets).All(phony.Contains))).ToList();
        return new MakefileDocument(source.Path, vars, result, includes, diags);
    }

    /// <summary>Expands `$(VAR)`/`${VAR}` whose values are literal; functions and unknown names stay as written.</summary>
    internal static string Expand(string text, IReadOnlyDictionary<string, string> vars, int depth)
    {
        if (depth >= MaxExpansionDepth || !text.Contains('$', StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] is '(' or '{')
            {
                var close = text[i + 1] == '(' ? ')' : '}';
                var end = text.IndexOf(close, i + 2);
                if (end > 0)
                {
                    var name = text[(i + 2)..end];
                    if (!name.Contains(' ', StringComparison.Ordinal) && !name.Contains('$', StringComparison.Ordinal) && vars.TryGetValue(name, out var value))
                    {
                        sb.Append(Expand(value, vars, depth + 1));
                        i = end;
                        continue;
                    }
                }
            }
            else if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '$')
            {
                // `$$` is a literal dollar for the shell.
                sb.Append('$');
                i++;
                continue;
            }

            sb.Append(text[i]);
        }

        return sb.ToString();
    }

    private static string StripComment(string line)
    {
        var i = line.IndexOf('#');
        return i >= 0 && (i == 0 || line[i - 1] != '\\') ? line[..i] : line;
    }

    /// <summary>The rule's colon, ignoring colons inside $(...) and drive-like "C:".</summary>
    private static int RuleColon(string t)
    {
        var depth = 0;
        for (var i = 0; i < t.Length; i++)
        {
            switch (t[i])
            {
                case '(' or '{':
                    depth++;
                    break;
                case ')' or '}':
                    depth--;
                    break;
                case ':' when depth == 0:
                    return i + 1 < t.Length && t[i + 1] == '=' ? -1 : i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"^(?:export\s+|override\s+)?([A-Za-z_.][A-Za-z0-9_.\-]*)\s*(::=|:=|\?=|\+=|!=|=)(.*)$")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"^-?s?include\s+(.*)$")]
    private static partial Regex Include();

    [GeneratedRegex(@"^(ifeq|ifneq|ifdef|ifndef|else|endif)\b")]
    private static partial Regex Conditional();
}
