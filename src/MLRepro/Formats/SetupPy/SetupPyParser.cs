using System.Collections.Immutable;
using System.Text;
using MLRepro.Formats.Dependencies;
using MLRepro.Text;

namespace MLRepro.Formats.SetupPy;

/// <summary>
/// Reads setup.py STATICALLY (it is never run): literal <c>install_requires=[…]</c> lists of string literals,
/// a list bound to a name in the same file (<c>REQUIRED = […]</c> … <c>install_requires=REQUIRED</c>), items looked up
/// by name in a list of requirement strings of the same file (the Hugging Face idiom <c>_deps = ["torch>=2.6", …]</c>,
/// <c>install_requires = [deps["torch"], …]</c>, <c>deps_list("pytest", …)</c>), and a literal
/// <c>python_requires="…"</c>. Anything computed is reported as not readable statically.
/// </summary>
public static class SetupPyParser
{
    private enum Tok { Name, Str, Punct, FString }

    private readonly record struct Token(Tok Kind, string Text, int Line);

    /// <summary>Most install_requires occurrences examined (each may search the file for a bound list).</summary>
    public const int MaxOccurrences = 50;

    /// <summary>Most tokens scanned.</summary>
    public const int MaxTokens = 500_000;

    /// <summary>Parses a setup.py.</summary>
    public static DependencyFileDocument Parse(SourceText source)
    {
        var toks = Lex(source);
        var deps = ImmutableArray.CreateBuilder<Dependency>();
        var diags = new List<Diagnostic>();
        var includes = ImmutableArray.CreateBuilder<string>();
        string? requiresPython = null;
        var sawInstallRequires = false;
        var listsRead = new HashSet<int>();
        var occurrences = 0;
        for (var i = 0; i + 2 < toks.Count; i++)
        {
            var t = toks[i];
            var isKey = (t.Kind == Tok.Name || t.Kind == Tok.Str) && toks[i + 1].Kind == Tok.Punct && toks[i + 1].Text is "=" or ":";
            if (!isKey)
            {
                continue;
            }

            if (t.Text == "python_requires")
            {
                if (toks[i + 2].Kind == Tok.Str)
                {
                    requiresPython = toks[i + 2].Text;
                }

                continue;
            }

            if (t.Text == "extras_require" && toks[i + 2].Kind == Tok.Punct && toks[i + 2].Text == "{")
            {
                ReadExtras(source, toks, i + 2, deps, diags);
                continue;
            }

            if (t.Text != "install_requires" || (t.Kind == Tok.Name && toks[i + 1].Text == ":"))
            {
                continue;
            }

            // Assignment "install_requires = [...]" at module level counts too (used later as install_requires=install_requires).
            sawInstallRequires = true;
            if (++occurrences > MaxOccurrences)
            {
                diags.Add(new Diagnostic(source.Path, SourceSpan.At(t.Line), DiagnosticSeverity.Info, "setuppy.too-many", $"more than {MaxOccurrences} install_requires; the rest were not read"));
                break;
            }

            var j = i + 2;
            if (toks[j].Kind == Tok.Name && toks[j].Text is not "[" )
            {
                var name = toks[j].Text;
                var bound = FindListAssignment(toks, name, i);
                if (bound < 0)
                {
                    diags.Add(new Diagnostic(source.Path, SourceSpan.At(toks[j].Line), DiagnosticSeverity.Warning, "setuppy.not-static",
                        $"install_requires={name} is computed at run time and could not be read statically"));
                    continue;
                }

                j = bound;
            }

            if (toks[j].Kind != Tok.Punct || toks[j].Text is not "[" and not "(")
            {
                diags.Add(new Diagnostic(source.Path, SourceSpan.At(toks[j].Line), DiagnosticSeverity.Warning, "setuppy.not-static", "install_requires is not a literal list and could not be read statically"));
                continue;
            }

            if (listsRead.Add(j))
            {
                ReadList(source, toks, j, deps, diags);
            }
        }

        if (!sawInstallRequires && source.Text.Contains("install_requires", StringComparison.Ordinal))
        {
            diags.Add(new Diagnostic(source.Path, null, DiagnosticSeverity.Warning, "setuppy.not-static", "install_requires is set in a way that could not be read statically"));
        }

        // Common idiom: requirements read from a file; report the file so the model can follow it.
        foreach (var t in toks)
        {
            if (t.Kind == Tok.Str && t.Text.EndsWith(".txt", StringComparison.Ordinal) && t.Text.Contains("requirements", StringComparison.OrdinalIgnoreCase) && !t.Text.Contains('\n'))
            {
                var dir = source.Path.LastIndexOf('/') is var k and >= 0 ? source.Path[..k] : string.Empty;
                includes.Add(Requirements.RequirementsParser.ResolveInclude(dir, t.Text));
            }
        }

        return new DependencyFileDocument(source.Path, DependencyFileFormat.SetupPy, deps.ToImmutable(), [.. includes.Distinct(StringComparer.Ordinal)], [], requiresPython, null, [.. diags]);
    }

    private static int FindListAssignment(List<Token> toks, string name, int before)
    {
        var found = -1;
        for (var i = 0; i + 2 < toks.Count; i++)
        {
            if (toks[i].Kind == Tok.Name && toks[i].Text == name && toks[i + 1].Text == "=" && toks[i + 1].Kind == Tok.Punct
                && toks[i + 2].Kind == Tok.Punct && toks[i + 2].Text is "[" or "(" && (i == 0 || toks[i - 1].Text is not "." and not ","))
            {
                found = i + 2;
                if (i > before)
                {
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>Reads a literal extras_require dict: {"extra": ["req", …], …}; computed entries are skipped.</summary>
    private static void ReadExtras(SourceText source, List<Token> toks, int open, ImmutableArray<Dependency>.Builder deps, List<Diagnostic> diags)
    {
        var depth = 0;
        for (var k = open; k < toks.Count; k++)
        {
            var t = toks[k];
            if (t.Kind == Tok.Punct && t.Text is "[" or "(" or "{")
            {
                depth++;
            }
            else if (t.Kind == Tok.Punct && t.Text is "]" or ")" or "}")
            {
                if (--depth == 0)
                {
                    return;
                }
            }
            else if (depth == 1 && t.Kind == Tok.Str && k + 2 < toks.Count && toks[k + 1].Text == ":" && toks[k + 2].Kind == Tok.Punct && toks[k + 2].Text is "[" or "(")
            {
                k = ReadList(source, toks, k + 2, deps, diags, t.Text);
            }
        }
    }

    private static int ReadList(SourceText source, List<Token> toks, int open, ImmutableArray<Dependency>.Builder deps, List<Diagnostic> diags, string? group = null)
    {
        var close = toks[open].Text == "[" ? "]" : ")";
        var depth = 0;
        for (var k = open; k < toks.Count; k++)
        {
            var t = toks[k];
            if (t.Kind == Tok.Punct && t.Text is "[" or "(" or "{")
            {
                depth++;
                continue;
            }

            if (t.Kind == Tok.Punct && t.Text is "]" or ")" or "}")
            {
                if (--depth == 0)
                {
                    return k;
                }

                continue;
            }

            if (depth == 1 && t.Kind == Tok.Str)
            {
                // Adjacent literals concatenate ("torch" ">=2").
                var text = t.Text;
                while (k + 1 < toks.Count && toks[k + 1].Kind == Tok.Str)
                {
                    text += toks[++k].Text;
                }

                if (PipRequirementToken.Parse(text, source.Path, t.Line, DependencyKind.Manifest, false, group, out var error) is { } d)
                {
                    deps.Add(d);
                }
                else
                {
                    diags.Add(new Diagnostic(source.Path, SourceSpan.At(t.Line), DiagnosticSeverity.Warning, "setuppy.requirement", error ?? "unreadable requirement"));
                }
            }
            else if (depth == 1 && t.Kind == Tok.Name && LookedUp(toks, k, source.Path, group) is { Count: > 0 } found)
            {
                // deps["torch"] or deps_list("pytest", "parameterized"): requirements named in the file's own table.
                deps.AddRange(found.Deps);
                k = found.End;
            }
            else if (depth == 1 && t.Kind is Tok.Name or Tok.FString && t.Text is not "+" )
            {
                diags.Add(new Diagnostic(source.Path, SourceSpan.At(t.Line), DiagnosticSeverity.Info, "setuppy.not-static", $"a list item ('{RequirementSpec.Clip(t.Text)}') is computed and could not be read statically"));
            }
        }

        _ = close;
        return toks.Count;
    }

    /// <summary>
    /// Requirements a list item names through the file's own table: <c>NAME["key"]</c> or <c>NAME("key", …)</c> where every
    /// key is the name of a requirement string in a list literal bound to a name in the file (<c>_deps = [...]</c>).
    /// </summary>
    private static (int Count, List<Dependency> Deps, int End) LookedUp(List<Token> toks, int k, string path, string? group)
    {
        if (k + 3 >= toks.Count || toks[k + 1].Kind != Tok.Punct || toks[k + 1].Text is not "[" and not "(")
        {
            return default;
        }

        var close = toks[k + 1].Text == "[" ? "]" : ")";
        var keys = new List<Token>();
        var j = k + 2;
        for (; j < toks.Count && !(toks[j].Kind == Tok.Punct && toks[j].Text == close); j++)
        {
            if (toks[j].Kind == Tok.Str)
            {
                keys.Add(toks[j]);
            }
            else if (!(toks[j].Kind == Tok.Punct && toks[j].Text == ","))
            {
                return default;
            }
        }

        if (keys.Count == 0 || j >= toks.Count)
        {
            return default;
        }

        var table = RequirementTable(toks);
        var found = new List<Dependency>();
        foreach (var key in keys)
        {
            if (!table.TryGetValue(Dependency.Normalize(key.Text), out var text)
                || PipRequirementToken.Parse(text, path, key.Line, DependencyKind.Manifest, false, group, out _) is not { } d)
            {
                return default;
            }

            found.Add(d);
        }

        return (found.Count, found, j);
    }

    /// <summary>Normalized name → requirement string, from every string of every list literal bound to a name.</summary>
    private static Dictionary<string, string> RequirementTable(List<Token> toks) => s_tables.GetValue(toks, BuildRequirementTable);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<List<Token>, Dictionary<string, string>> s_tables = [];

    private static Dictionary<string, string> BuildRequirementTable(List<Token> toks)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 2 < toks.Count; i++)
        {
            if (toks[i].Kind != Tok.Name || toks[i + 1].Text != "=" || toks[i + 2].Kind != Tok.Punct || toks[i + 2].Text != "[")
            {
                continue;
            }

            for (var j = i + 3; j < toks.Count && !(toks[j].Kind == Tok.Punct && toks[j].Text == "]"); j++)
            {
                if (toks[j].Kind == Tok.Str && PipRequirementToken.Parse(toks[j].Text, "", 0, DependencyKind.Manifest, false, null, out _) is { } d)
                {
                    table.TryAdd(Dependency.Normalize(d.Name), toks[j].Text);
                }
            }
        }

        return table;
    }

    private static List<Token> Lex(SourceText source)
    {
        var s = source.Text;
        var toks = new List<Token>();
        var line = 1;
        for (var i = 0; i < s.Length && toks.Count < MaxTokens; i++)
        {
            var c = s[i];
            if (c == '\n')
            {
                line++;
                continue;
            }

            if (char.IsWhiteSpace(c) || c == '\\')
            {
                continue;
            }

            if (c == '#')
            {
                while (i + 1 < s.Length && s[i + 1] != '\n')
                {
                    i++;
                }

                continue;
            }

            if (char.IsLetter(c) || c == '_')
            {
                var st = i;
                while (i + 1 < s.Length && (char.IsLetterOrDigit(s[i + 1]) || s[i + 1] == '_'))
                {
                    i++;
                }

                var word = s[st..(i + 1)];
                if (i + 1 < s.Length && s[i + 1] is '"' or '\'' && word.Length <= 2 && word.All(ch => "rRbBfFuU".Contains(ch)))
                {
                    var isF = word.Contains('f', StringComparison.OrdinalIgnoreCase);
                    var raw = word.Contains('r', StringComparison.OrdinalIgnoreCase);
                    i++;
                    var startLine = line;
                    var value = ReadString(s, ref i, ref line, raw);
                    toks.Add(new Token(isF ? Tok.FString : Tok.Str, value, startLine));
                    continue;
                }

                toks.Add(new Token(Tok.Name, word, line));
                continue;
            }

            if (c is '"' or '\'')
            {
                var startLine = line;
                var value = ReadString(s, ref i, ref line, false);
                toks.Add(new Token(Tok.Str, value, startLine));
                continue;
            }

            if (c == '=' && i + 1 < s.Length && s[i + 1] == '=')
            {
                toks.Add(new Token(Tok.Punct, "==", line));
                i++;
                continue;
            }

            toks.Add(new Token(Tok.Punct, c.ToString(), line));
        }

        return toks;
    }

    private static string ReadString(string s, ref int i, ref int line, bool raw)
    {
        var q = s[i];
        var triple = i + 2 < s.Length && s[i + 1] == q && s[i + 2] == q;
        i += triple ? 3 : 1;
        var sb = new StringBuilder();
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\n')
            {
                line++;
                if (!triple)
                {
                    return sb.ToString(); // unterminated: stop at line end
                }
            }

            if (c == '\\' && i + 1 < s.Length)
            {
                if (raw)
                {
                    sb.Append(c);
                }

                i++;
                if (s[i] == '\n')
                {
                    line++;
                }

                sb.Append(s[i]);
                continue;
            }

            if (c == q && (!triple || (i + 2 < s.Length && s[i + 1] == q && s[i + 2] == q)))
            {
                i += triple ? 2 : 0;
                return sb.ToString();
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
