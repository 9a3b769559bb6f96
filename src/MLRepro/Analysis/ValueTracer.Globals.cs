using System.Text.RegularExpressions;
using MLRepro.Python;

namespace MLRepro.Analysis;

/// <summary>
/// Module constants: a name imported from another project module (<c>from pkg.constants import SEED</c>) and an entry of
/// a module-level dict literal (<c>CONFIG["random_seed"]</c>, <c>CONFIG.get("seed")</c>). Without these a seed written
/// once in the project reads as a value that cannot be traced.
/// </summary>
public sealed partial class ValueTracer
{
    private LocalModules? _local;

    /// <summary>The project's import resolver (src/ layouts and relative imports included), built on first use.</summary>
    private LocalModules Local => LazyInitializer.EnsureInitialized(ref _local, () => new LocalModules(_modules));

    /// <summary>
    /// A name this module imports from a project module (<c>from pkg.mod import NAME</c>, parenthesised lists included):
    /// the origin of that module's top-level assignment, or a config value when the module is a Python config module.
    /// Null when the name is not imported from the project or the module does not assign it.
    /// </summary>
    private (SeedOrigin, string?)? ImportedConstant(ModuleSummary m, string name, int depth)
    {
        if (depth > MaxParameterDepth + 1 || m.Imports.FirstOrDefault(i => i.Name is not null && (i.Alias ?? i.Name) == name) is not { } import
            || Local.Find(m.Path, import.Module, import.Level) is not { } source || source == m
            || source.Assignments.Where(x => x.IsModuleLevel && x.RawTarget == import.Name && x.Operator == "=").MaxBy(x => x.Line) is not { } a)
        {
            return null;
        }

        // A constant of a config module (configs.py of plain assignments) is a config value, as config.files counts it.
        return ConfigAnalysis.IsPythonConfig(source) ? (SeedOrigin.Config, import.Name) : Trace(source, a.ValueText, a.Literal, a.Line, depth + 1);
    }

    /// <summary>
    /// <c>NAME["key"]</c> (or <c>NAME["a"]["key"]</c>, <c>NAME.get("key"[, default])</c>) where NAME is a dict literal assigned
    /// once at module level, here or in the project module it is imported from, and never updated: the origin of that entry's
    /// value (a literal is hard-coded), or a config value when the dict lives in a Python config module. Null otherwise.
    /// </summary>
    private (SeedOrigin, string?)? DictConstant(ModuleSummary m, string text, int line, int depth)
    {
        if (DictSubscript().Match(text) is not { Success: true } match || match.Groups["k"].Captures.Count == 0)
        {
            return null;
        }

        var name = match.Groups["n"].Value;
        var key = match.Groups["k"].Captures[^1].Value;
        var owner = m;
        var assignments = m.Assignments.Where(a => a.RawTarget == name && a.Operator == "=").ToList();
        if (assignments.Count == 0 && m.Imports.FirstOrDefault(i => i.Name is not null && (i.Alias ?? i.Name) == name) is { } import
            && Local.Find(m.Path, import.Module, import.Level) is { } source && source != m)
        {
            owner = source;
            assignments = [.. source.Assignments.Where(a => a.RawTarget == import.Name && a.Operator == "=")];
            name = import.Name!;
        }

        // One module-level literal, not filled in or overridden later (CONFIG.update(yaml.safe_load(f)), CONFIG["seed"] = args.seed).
        if (assignments is not [{ IsModuleLevel: true } dict] || !dict.ValueText.TrimStart().StartsWith('{')
            || Mutated(owner, name, match.Groups["k"].Captures[0].Value) || (owner != m && Mutated(m, match.Groups["n"].Value, match.Groups["k"].Captures[0].Value)))
        {
            return null;
        }

        if (ConfigAnalysis.IsPythonConfig(owner))
        {
            return (SeedOrigin.Config, key);
        }

        var values = EntryValues(dict.ValueText, key).Distinct(StringComparer.Ordinal).ToList();
        if (values.Count == 0)
        {
            // `CONFIG.get("seed", 42)` with no such entry: the default applies.
            return match.Groups["d"].Success ? TraceText(m, match.Groups["d"].Value, line, depth + 1) : null;
        }

        return values.Count == 1 ? TraceText(owner, values[0], dict.Line, depth + 1) : null;
    }

    /// <summary>
    /// Whether the module may change the entry after building the dict: an update call, an assignment to that key, or an
    /// assignment to a computed key (<c>CONFIG[k] = v</c>). Other keys set from options (<c>CONFIG["max_rows"] = args.max_rows</c>)
    /// leave the entry as written.
    /// </summary>
    private static bool Mutated(ModuleSummary m, string name, string key) =>
        m.Calls.Any(c => c.RawTarget == name + ".update" || c.RawTarget == name + ".setdefault")
        || m.Assignments.Any(a => a.RawTarget.StartsWith(name + "[", StringComparison.Ordinal)
            && (ItemKey().Match(a.RawTarget[name.Length..]) is not { Success: true } k || k.Groups["k"].Value == key));

    /// <summary>The first subscript of an item assignment's target when it is a string literal (<c>["max_rows"]</c>).</summary>
    [GeneratedRegex(@"^\[\s*[""'](?<k>[^""']*)[""']\s*\]")]
    private static partial Regex ItemKey();

    /// <summary>The value texts of every <c>"key": value</c> entry of a dict literal (nested dicts included).</summary>
    internal static IEnumerable<string> EntryValues(string dictText, string key)
    {
        foreach (Match e in Regex.Matches(dictText, "[\"']" + Regex.Escape(key) + "[\"']\\s*:", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            var start = e.Index + e.Length;
            var depth = 0;
            var quote = '\0';
            var end = start;
            for (; end < dictText.Length; end++)
            {
                var c = dictText[end];
                if (quote != '\0')
                {
                    quote = c == quote ? '\0' : quote;
                    continue;
                }

                if (c is '\'' or '"')
                {
                    quote = c;
                }
                else if (c is '(' or '[' or '{')
                {
                    depth++;
                }
                else if (c is ')' or ']' or '}')
                {
                    if (depth-- == 0)
                    {
                        break;
                    }
                }
                else if (depth == 0 && c is ',' or '#' or '\n')
                {
                    break;
                }
            }

            var value = dictText[start..end].Trim();
            if (value.Length > 0)
            {
                yield return value;
            }
        }
    }

    /// <summary><c>NAME["a"]["key"]</c> or <c>NAME["a"].get("key"[, default])</c>: the name, the keys, the default.</summary>
    [GeneratedRegex(@"^(?<n>[A-Za-z_]\w*)(?:\[\s*[""'](?<k>\w+)[""']\s*\])*(?:\.get\(\s*[""'](?<k>\w+)[""']\s*(?:,\s*(?<d>[^()]+?))?\s*\))?$")]
    private static partial Regex DictSubscript();
}
