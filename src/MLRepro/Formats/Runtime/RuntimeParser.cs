using System.Collections.Immutable;
using System.Text.RegularExpressions;
using MLRepro.Formats.Containers;
using MLRepro.Formats.Dependencies;
using MLRepro.Formats.Yaml;
using MLRepro.Text;

namespace MLRepro.Formats.Runtime;

/// <summary>Reads Python version declarations from the files that carry them.</summary>
public static partial class RuntimeParser
{
    /// <summary>.python-version: one version per line (pyenv allows several), comments with '#'.</summary>
    public static ImmutableArray<RuntimeDeclaration> ParsePythonVersionFile(SourceText source)
    {
        var list = ImmutableArray.CreateBuilder<RuntimeDeclaration>();
        for (var n = 1; n <= Math.Min(source.LineCount, 100); n++)
        {
            var l = source.GetLine(n).Trim();
            var hash = l.IndexOf('#');
            if (hash >= 0)
            {
                l = l[..hash].Trim();
            }

            if (l.Length == 0 || l.Length > 64)
            {
                continue;
            }

            // "3.10.12", "cpython-3.12", "pypy3.9-7.3.11" → keep as written, exact only for plain versions.
            var v = l.StartsWith("cpython-", StringComparison.OrdinalIgnoreCase) ? l[8..] : l;
            list.Add(new RuntimeDeclaration(source.Path, n, RuntimeSource.PythonVersionFile, v, RuntimeDeclaration.IsExactVersion(v)));
        }

        return list.ToImmutable();
    }

    /// <summary>
    /// The Python pin of a version manager's tool file: asdf's .tool-versions ("python 3.12.1", several versions allowed) and
    /// mise's mise.toml / .mise.toml (<c>[tools]</c> python = "3.12", or a list). Read like a .python-version file: each pins
    /// the interpreter the project's environment is created with.
    /// </summary>
    public static ImmutableArray<RuntimeDeclaration> ParseToolVersions(SourceText source)
    {
        var list = ImmutableArray.CreateBuilder<RuntimeDeclaration>();
        var toml = source.Path.EndsWith(".toml", StringComparison.OrdinalIgnoreCase);
        var inTools = false;
        for (var n = 1; n <= Math.Min(source.LineCount, 500); n++)
        {
            var l = source.GetLine(n).Trim();
            if (toml && l.StartsWith('['))
            {
                inTools = l == "[tools]";
                continue;
            }

            var m = toml ? (inTools ? MiseTool().Match(l) : Match.Empty) : AsdfTool().Match(l);
            if (!m.Success)
            {
                continue;
            }

            foreach (Match v in ToolVersion().Matches(m.Groups[1].Value))
            {
                list.Add(new RuntimeDeclaration(source.Path, n, RuntimeSource.PythonVersionFile, v.Value, RuntimeDeclaration.IsExactVersion(v.Value)));
            }
        }

        return list.ToImmutable();
    }

    /// <summary>runtime.txt: "python-3.10.12".</summary>
    public static ImmutableArray<RuntimeDeclaration> ParseRuntimeTxt(SourceText source)
    {
        for (var n = 1; n <= Math.Min(source.LineCount, 100); n++)
        {
            var l = source.GetLine(n).Trim();
            if (RuntimeTxt().Match(l) is { Success: true } m)
            {
                return [new RuntimeDeclaration(source.Path, n, RuntimeSource.RuntimeTxt, m.Groups[1].Value, RuntimeDeclaration.IsExactVersion(m.Groups[1].Value))];
            }
        }

        return [];
    }

    /// <summary>The Python requirement of a dependency document (requires-python, conda python=…).</summary>
    public static ImmutableArray<RuntimeDeclaration> FromDependencyFile(DependencyFileDocument doc, SourceText? source)
    {
        var list = ImmutableArray.CreateBuilder<RuntimeDeclaration>();
        var condaPython = doc.Dependencies.FirstOrDefault(d => d.Name == "python" && d.Ecosystem == "conda");
        if (condaPython is not null)
        {
            var v = condaPython.ExactVersion ?? condaPython.Specifier?.TrimStart('=') ?? string.Empty;
            if (v.Length > 0)
            {
                list.Add(new RuntimeDeclaration(doc.Path, condaPython.Line, doc.IsLock ? RuntimeSource.Conda : RuntimeSource.Conda, v, condaPython.ExactVersion is not null && RuntimeDeclaration.IsExactVersion(condaPython.ExactVersion)));
            }
        }
        else if (doc.RequiresPython is { Length: > 0 } rp)
        {
            var line = 0;
            if (source is not null)
            {
                var i = source.Text.IndexOf(rp, StringComparison.Ordinal);
                line = i >= 0 ? source.GetPosition(i).Line : 0;
            }

            list.Add(new RuntimeDeclaration(doc.Path, line, RuntimeSource.RequiresPython, rp, RuntimeDeclaration.IsExactVersion(rp)));
        }

        return list.ToImmutable();
    }

    /// <summary>The Python version stated by a container definition (base image, cog, devcontainer feature).</summary>
    public static ImmutableArray<RuntimeDeclaration> FromContainer(ContainerDocument doc)
    {
        if (doc.Kind == ContainerKind.Binder)
        {
            return []; // runtime.txt is reported by itself
        }

        var list = ImmutableArray.CreateBuilder<RuntimeDeclaration>();
        foreach (var img in doc.Images)
        {
            if (img.PythonVersion is { } v)
            {
                list.Add(new RuntimeDeclaration(doc.Path, img.Line, RuntimeSource.Container, v, RuntimeDeclaration.IsExactVersion(v)));
            }
        }

        if (list.Count == 0 && doc.PythonVersion is { } pv)
        {
            list.Add(new RuntimeDeclaration(doc.Path, doc.PythonVersionLine ?? 0, RuntimeSource.Container, pv, RuntimeDeclaration.IsExactVersion(pv)));
        }

        return list.ToImmutable();
    }

    /// <summary>tox.ini [tox] envlist: "py38, py39", "py{38,39,310}-torch", multi-line lists.</summary>
    public static ImmutableArray<RuntimeDeclaration> ParseToxIni(SourceText source)
    {
        var list = ImmutableArray.CreateBuilder<RuntimeDeclaration>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? section = null;
        var inEnvlist = false;
        for (var n = 1; n <= source.LineCount; n++)
        {
            var raw = source.GetLine(n);
            var t = raw.Trim();
            if (t.StartsWith('[') && t.EndsWith(']'))
            {
                section = t[1..^1].Trim();
                inEnvlist = false;
                continue;
            }

            if (section != "tox" && section != "tox:tox")
            {
                continue;
            }

            string value;
            if (inEnvlist && raw.Length > 0 && char.IsWhiteSpace(raw[0]))
            {
                value = t;
            }
            else if (t.StartsWith("envlist", StringComparison.Ordinal) && t.IndexOf('=') is var eq and > 0)
            {
                inEnvlist = true;
                value = t[(eq + 1)..];
            }
            else
            {
                inEnvlist = false;
                continue;
            }

            foreach (var env in ExpandBraces(value))
            {
                if (ToxEnv().Match(env) is { Success: true } m)
                {
                    var digits = m.Groups[1].Value;
                    var v = digits.Length >= 2 ? digits[0] + "." + digits[1..] : digits;
                    if (seen.Add(v))
                    {
                        list.Add(new RuntimeDeclaration(source.Path, n, RuntimeSource.Tox, v, false));
                    }
                }
            }
        }

        return list.ToImmutable();
    }

    /// <summary>noxfile.py: literal python="3.10" / python=["3.9", "3.10"] in @nox.session(...) decorators.</summary>
    public static ImmutableArray<RuntimeDeclaration> ParseNoxfile(SourceText source)
    {
        var list = ImmutableArray.CreateBuilder<RuntimeDeclaration>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in NoxSession().Matches(source.Text))
        {
            var line = source.GetPosition(m.Index).Line;
            foreach (Match v in QuotedVersion().Matches(m.Groups[1].Value))
            {
                if (seen.Add(v.Groups[1].Value))
                {
                    list.Add(new RuntimeDeclaration(source.Path, line, RuntimeSource.Nox, v.Groups[1].Value, RuntimeDeclaration.IsExactVersion(v.Groups[1].Value)));
                }
            }
        }

        return list.ToImmutable();
    }

    /// <summary>GitHub Actions workflows: python-version values and matrices (expressions like ${{ matrix.x }} skipped).</summary>
    public static ImmutableArray<RuntimeDeclaration> ParseWorkflow(SourceText source, List<Diagnostic> diagnostics)
    {
        var list = ImmutableArray.CreateBuilder<RuntimeDeclaration>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // The template guard would rewrite "${{ … }}"; GitHub expressions are not Jinja, so load the raw text.
        var root = YamlLoader.Load(new SourceText(source.Path, source.Text.Replace("${{", "$[[", StringComparison.Ordinal).Replace("}}", "]]", StringComparison.Ordinal)), diagnostics, YamlReadOptions.Dependencies).Root;
        if (root is null)
        {
            return [];
        }

        var stack = new Stack<YamlNode>();
        stack.Push(root);
        var visited = 0;
        while (stack.Count > 0 && visited++ < YamlReadOptions.DependenciesMaxExpandedNodes)
        {
            var node = stack.Pop();
            if (node is YamlSequenceNode s)
            {
                for (var i = s.Items.Count - 1; i >= 0; i--)
                {
                    stack.Push(s.Items[i]);
                }
            }
            else if (node is YamlMappingNode m)
            {
                for (var i = m.Entries.Count - 1; i >= 0; i--)
                {
                    var (key, _, value) = m.Entries[i];
                    if (key is "python-version" or "python_version" or "python-versions" or "python")
                    {
                        var values = value is YamlSequenceNode vs ? vs.Items : [value];
                        foreach (var v in values)
                        {
                            if (v.Scalar is { Length: > 0 } text && char.IsAsciiDigit(text[0]) && seen.Add(text))
                            {
                                list.Add(new RuntimeDeclaration(source.Path, v.Line, RuntimeSource.GitHubActions, text, RuntimeDeclaration.IsExactVersion(text)));
                            }
                        }
                    }
                    else
                    {
                        stack.Push(value);
                    }
                }
            }
        }

        return list.ToImmutable();
    }

    private static IEnumerable<string> ExpandBraces(string value)
    {
        // Split at top-level commas, then expand one level of {a,b} factors.
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '{')
            {
                depth++;
            }
            else if (value[i] == '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if ((value[i] == ',' || char.IsWhiteSpace(value[i])) && depth == 0)
            {
                parts.Add(value[start..i]);
                start = i + 1;
            }
        }

        parts.Add(value[start..]);
        foreach (var p in parts.Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            var open = p.IndexOf('{');
            var close = p.IndexOf('}');
            if (open >= 0 && close > open)
            {
                foreach (var alt in p[(open + 1)..close].Split(','))
                {
                    yield return p[..open] + alt.Trim() + p[(close + 1)..];
                }
            }
            else
            {
                yield return p;
            }
        }
    }

    /// <summary>An asdf .tool-versions line for Python: "python 3.12.1 3.11.9".</summary>
    [GeneratedRegex(@"^python\s+([^#]+)")]
    private static partial Regex AsdfTool();

    /// <summary>A mise [tools] entry for Python: python = "3.12", python = ["3.11", "3.12"], python = { version = "3.12" }.</summary>
    [GeneratedRegex(@"^[""']?python[""']?\s*=\s*(.+)$")]
    private static partial Regex MiseTool();

    /// <summary>A Python version in a tool file's value: 3.12, 3.11.9.</summary>
    [GeneratedRegex(@"(?<![\w.])[23]\.\d+(?:\.\d+)?(?![\w.])")]
    private static partial Regex ToolVersion();

    [GeneratedRegex(@"^python-(\d+\.\d+(?:\.\d+)?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RuntimeTxt();

    [GeneratedRegex(@"^py(3\d{1,2}|2\d?)(?:$|-)")]
    private static partial Regex ToxEnv();

    [GeneratedRegex(@"@nox\.session\s*\((?:[^()]|\([^()]*\))*?python\s*=\s*(\[[^\]]*\]|\([^)]*\)|""[^""]*""|'[^']*')", RegexOptions.Singleline)]
    private static partial Regex NoxSession();

    [GeneratedRegex(@"[""'](\d+(?:\.\d+){0,2})[""']")]
    private static partial Regex QuotedVersion();
}
