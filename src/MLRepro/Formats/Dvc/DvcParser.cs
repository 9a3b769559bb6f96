using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MLRepro.Formats.Config;
using MLRepro.Formats.Yaml;
using MLRepro.Text;

namespace MLRepro.Formats.Dvc;

/// <summary>
/// Parses DVC's files: dvc.yaml (stages, foreach/matrix expansion, `${}` interpolation from vars and
/// params.yaml), dvc.lock, *.dvc pointers and .dvc/config. Never throws on content.
/// </summary>
public static partial class DvcParser
{
    /// <summary>Instances one foreach/matrix stage may expand to.</summary>
    public const int MaxStageInstances = 1_000;

    /// <summary>
    /// Parses dvc.yaml. <paramref name="readFile"/> returns the text of a repository-relative file (vars files
    /// and the implicit params.yaml), or null when absent.
    /// </summary>
    public static DvcPipelineDocument ParsePipeline(SourceText source, Func<string, SourceText?>? readFile = null)
    {
        var diags = new List<Diagnostic>();
        var dir = Folder(source.Path);
        var stages = new List<DvcStage>();
        var varsFiles = new List<string>();
        var metrics = new List<DvcPath>();
        var plots = new List<DvcPath>();
        var root = YamlLoader.Load(source, diags).RootMapping;
        if (root is null)
        {
            diags.Add(new Diagnostic(source.Path, SourceSpan.At(1), DiagnosticSeverity.Error, "dvc.no-stages", "dvc.yaml is not a mapping"));
            return new DvcPipelineDocument(source.Path, stages, varsFiles, metrics, plots, diags);
        }

        var globals = new YamlMappingNode(1, 1);
        // DVC loads params.yaml into the interpolation context when it exists, before `vars`.
        var defaultParams = Join(dir, "params.yaml");
        if (readFile?.Invoke(defaultParams) is { } dp)
        {
            MergeInto(globals, YamlLoader.Load(dp, []).RootMapping);
        }

        if (root["vars"] is YamlSequenceNode vars)
        {
            foreach (var v in vars.Items)
            {
                if (v is YamlMappingNode inline)
                {
                    MergeInto(globals, inline);
                }
                else if (v is YamlScalarNode file)
                {
                    var (name, _) = SplitKeys(file.Value);
                    var path = Join(dir, name);
                    varsFiles.Add(path);
                    var text = readFile?.Invoke(path);
                    if (text is null)
                    {
                        diags.Add(new Diagnostic(source.Path, SourceSpan.At(file.Line), DiagnosticSeverity.Warning, "dvc.vars-missing", $"vars file '{file.Value}' is not in the repository"));
                    }
                    else
                    {
                        MergeInto(globals, YamlLoader.Load(text, []).RootMapping);
                    }
                }
            }
        }

        var ctx = new Context(source.Path, diags);
        ctx.Scopes.Add(globals);
        if (root["stages"] is YamlMappingNode stageMap)
        {
            foreach (var (name, line, node) in stageMap.Entries)
            {
                if (node is not YamlMappingNode def)
                {
                    diags.Add(new Diagnostic(source.Path, SourceSpan.At(line), DiagnosticSeverity.Warning, "dvc.stage-shape", $"stage '{name}' is not a mapping"));
                    continue;
                }

                if (def["foreach"] is { } fe)
                {
                    var body = def["do"] as YamlMappingNode;
                    if (body is null)
                    {
                        diags.Add(new Diagnostic(source.Path, SourceSpan.At(line), DiagnosticSeverity.Warning, "dvc.foreach-no-do", $"stage '{name}' has foreach but no do"));
                        continue;
                    }

                    var items = ctx.ResolveNode(fe);
                    var instances = new List<(string Key, YamlNode Item)>();
                    if (items is YamlSequenceNode seq)
                    {
                        for (var i = 0; i < seq.Items.Count; i++)
                        {
                            instances.Add((seq.Items[i] is YamlScalarNode s ? s.Value : i.ToString(CultureInfo.InvariantCulture), seq.Items[i]));
                        }
                    }
                    else if (items is YamlMappingNode map)
                    {
                        instances.AddRange(map.Entries.Select(e => (e.Key, e.Value)));
                    }
                    else
                    {
                        diags.Add(new Diagnostic(source.Path, SourceSpan.At(fe.Line), DiagnosticSeverity.Warning, "dvc.unresolved-foreach", $"foreach of stage '{name}' could not be resolved to a list or mapping; the stage is kept unexpanded"));
                        stages.Add(ReadStage(name, line, body, dir, ctx) with { Template = name });
                        continue;
                    }

                    foreach (var (key, item) in instances.Take(MaxStageInstances))
                    {
                        var scope = new YamlMappingNode(line, 1);
                        scope.Set("item", line, item);
                        scope.Set("key", line, new YamlScalarNode(line, 1, key, false, null, false));
                        ctx.Scopes.Add(scope);
                        stages.Add(ReadStage($"{name}@{key}", line, body, dir, ctx) with { Template = name });
                        ctx.Scopes.RemoveAt(ctx.Scopes.Count - 1);
                    }

                    WarnTruncated(instances.Count, name, line, source.Path, diags);
                }
                else if (def["matrix"] is YamlMappingNode matrix)
                {
                    var axes = new List<(string Key, List<YamlNode> Values)>();
                    foreach (var (k, l, v) in matrix.Entries)
                    {
                        var resolved = ctx.ResolveNode(v);
                        if (resolved is YamlSequenceNode s)
                        {
                            axes.Add((k, s.Items));
                        }
                        else
                        {
                            diags.Add(new Diagnostic(source.Path, SourceSpan.At(l), DiagnosticSeverity.Warning, "dvc.unresolved-matrix", $"matrix axis '{k}' of stage '{name}' is not a list"));
                            axes.Add((k, [resolved]));
                        }
                    }

                    var combos = new List<List<(string Key, YamlNode Value, string Label)>> { new() };
                    foreach (var (k, values) in axes)
                    {
                        var next = new List<List<(string, YamlNode, string)>>();
                        foreach (var c in combos)
                        {
                            for (var i = 0; i < values.Count && next.Count <= MaxStageInstances; i++)
                            {
                                var label = values[i] is YamlScalarNode vs ? vs.Value : k + i.ToString(CultureInfo.InvariantCulture);
                                next.Add([.. c, (k, values[i], label)]);
                            }
                        }

                        combos = next;
                    }

                    foreach (var combo in combos.Take(MaxStageInstances))
                    {
                        var item = new YamlMappingNode(line, 1);
                        foreach (var (k, v, _) in combo)
                        {
                            item.Set(k, line, v);
                        }

                        var scope = new YamlMappingNode(line, 1);
                        scope.Set("item", line, item);
                        ctx.Scopes.Add(scope);
                        stages.Add(ReadStage($"{name}@{string.Join('-', combo.Select(c => c.Label))}", line, def, dir, ctx) with { Template = name });
                        ctx.Scopes.RemoveAt(ctx.Scopes.Count - 1);
                    }

                    WarnTruncated(combos.Count, name, line, source.Path, diags);
                }
                else
                {
                    stages.Add(ReadStage(name, line, def, dir, ctx));
                }
            }
        }
        else
        {
            diags.Add(new Diagnostic(source.Path, SourceSpan.At(1), DiagnosticSeverity.Warning, "dvc.no-stages", "dvc.yaml has no stages mapping"));
        }

        metrics.AddRange(ReadPaths(root["metrics"], dir, ".", ctx, cacheDefault: false));
        plots.AddRange(ReadPaths(root["plots"], dir, ".", ctx, cacheDefault: false));
        return new DvcPipelineDocument(source.Path, stages, varsFiles, metrics, plots, diags);
    }

    private static void WarnTruncated(int count, string name, int line, string path, List<Diagnostic> diags)
    {
        if (count > MaxStageInstances)
        {
            diags.Add(new Diagnostic(path, SourceSpan.At(line), DiagnosticSeverity.Info, "dvc.too-many-instances", $"stage '{name}' expands to more than {MaxStageInstances} instances; only the first are kept"));
        }
    }

    private static DvcStage ReadStage(string name, int line, YamlMappingNode def, string dir, Context ctx)
    {
        var wdir = def["wdir"] is YamlScalarNode w ? ctx.Interpolate(w.Value, w.Line) : ".";
        var commands = def["cmd"] switch
        {
            YamlScalarNode s => [ctx.Interpolate(s.Value, s.Line)],
            YamlSequenceNode q => q.Items.OfType<YamlScalarNode>().Select(s => ctx.Interpolate(s.Value, s.Line)).ToList(),
            _ => new List<string>(),
        };
        var parms = new List<DvcParam>();
        if (def["params"] is YamlSequenceNode ps)
        {
            foreach (var p in ps.Items)
            {
                if (p is YamlScalarNode s)
                {
                    parms.Add(new DvcParam(Join(dir, Join(wdir, "params.yaml")), ctx.Interpolate(s.Value, s.Line), s.Line));
                }
                else if (p is YamlMappingNode m)
                {
                    foreach (var (file, l, keys) in m.Entries)
                    {
                        var path = Join(dir, Join(wdir, ctx.Interpolate(file, l)));
                        var list = keys is YamlSequenceNode ks ? ks.Items.OfType<YamlScalarNode>().ToList() : [];
                        if (list.Count == 0)
                        {
                            parms.Add(new DvcParam(path, null, l));
                        }

                        parms.AddRange(list.Select(k => new DvcParam(path, ctx.Interpolate(k.Value, k.Line), k.Line)));
                    }
                }
            }
        }

        return new DvcStage(name, commands, line, Join(dir, wdir), ReadPaths(def["deps"], dir, wdir, ctx, cacheDefault: false), ReadPaths(def["outs"], dir, wdir, ctx, cacheDefault: true), parms, ReadPaths(def["metrics"], dir, wdir, ctx, cacheDefault: true), ReadPaths(def["plots"], dir, wdir, ctx, cacheDefault: true))
        {
            Frozen = def["frozen"] is YamlScalarNode { Value: "true" or "True" },
            AlwaysChanged = def["always_changed"] is YamlScalarNode { Value: "true" or "True" },
        };
    }

    private static List<DvcPath> ReadPaths(YamlNode? node, string dir, string wdir, Context ctx, bool cacheDefault)
    {
        var list = new List<DvcPath>();
        var items = node switch
        {
            YamlSequenceNode q => q.Items,
            YamlMappingNode m => [m],
            YamlScalarNode s when !s.IsNull => [s],
            _ => [],
        };
        foreach (var item in items)
        {
            if (item is YamlScalarNode s)
            {
                list.Add(new DvcPath(Join(dir, Join(wdir, ctx.Interpolate(s.Value, s.Line))), s.Line, cacheDefault));
            }
            else if (item is YamlMappingNode m)
            {
                foreach (var (path, l, flags) in m.Entries)
                {
                    var f = flags as YamlMappingNode;
                    var cache = f?["cache"] is YamlScalarNode c ? c.Value is "true" or "True" : cacheDefault;
                    var persist = f?["persist"] is YamlScalarNode p && p.Value is "true" or "True";
                    list.Add(new DvcPath(Join(dir, Join(wdir, ctx.Interpolate(path, l))), l, cache, persist));
                }
            }
        }

        return list;
    }

    /// <summary>Parses dvc.lock (schema 2.0; the 1.x flat layout is read as far as it matches).</summary>
    public static DvcLockDocument ParseLock(SourceText source)
    {
        var diags = new List<Diagnostic>();
        var stages = new List<DvcLockStage>();
        var root = YamlLoader.Load(source, diags).RootMapping;
        var schema = root?["schema"] is YamlScalarNode sc ? sc.Value : null;
        var stageMap = schema is null ? root : root?["stages"] as YamlMappingNode;
        if (schema is not null && schema != "2.0")
        {
            diags.Add(new Diagnostic(source.Path, SourceSpan.At(root!.KeyLine("schema")), DiagnosticSeverity.Info, "dvc.lock-schema", $"dvc.lock schema '{schema}' is newer or older than 2.0; read as 2.0"));
        }

        foreach (var (name, line, node) in stageMap?.Entries ?? [])
        {
            if (node is not YamlMappingNode def)
            {
                continue;
            }

            var cmd = def["cmd"] switch
            {
                YamlScalarNode s => s.Value,
                YamlSequenceNode q => string.Join("\n", q.Items.OfType<YamlScalarNode>().Select(s => s.Value)),
                _ => null,
            };
            var parms = new List<DvcLockParam>();
            if (def["params"] is YamlMappingNode pm)
            {
                foreach (var (file, _, values) in pm.Entries)
                {
                    var flat = new List<ConfigEntry>();
                    if (values is YamlMappingNode vm)
                    {
                        // Keys are recorded as written in dvc.yaml ("train.lr"), not nested.
                        foreach (var (k, l, v) in vm.Entries)
                        {
                            ConfigParser.Flatten(v, k, flat, diags, source.Path, false, l);
                        }
                    }

                    parms.AddRange(flat.Select(e => new DvcLockParam(file, e.KeyPath, e.Value, e.Kind, e.Line)));
                }
            }

            stages.Add(new DvcLockStage(name, cmd, line, ReadHashed(def["deps"]), ReadHashed(def["outs"]), parms));
        }

        if (root is null)
        {
            diags.Add(new Diagnostic(source.Path, SourceSpan.At(1), DiagnosticSeverity.Warning, "dvc.lock-empty", "dvc.lock is empty or not a mapping"));
        }

        return new DvcLockDocument(source.Path, schema, stages, diags);
    }

    /// <summary>Parses a *.dvc pointer file.</summary>
    public static DvcFileDocument ParseDvcFile(SourceText source)
    {
        var diags = new List<Diagnostic>();
        var root = YamlLoader.Load(source, diags).RootMapping;
        var outs = ReadHashed(root?["outs"]);
        var deps = new List<DvcImport>();
        if (root?["deps"] is YamlSequenceNode dq)
        {
            foreach (var d in dq.Items.OfType<YamlMappingNode>())
            {
                var repo = d["repo"] as YamlMappingNode;
                deps.Add(new DvcImport(Str(d["path"]) ?? string.Empty, Str(repo?["url"]), Str(repo?["rev"]), Str(repo?["rev_lock"]), Str(d["md5"]), d.Line));
            }
        }

        if (outs.Count == 0)
        {
            diags.Add(new Diagnostic(source.Path, SourceSpan.At(1), DiagnosticSeverity.Warning, "dvc.file-no-outs", ".dvc file records no outputs"));
        }

        foreach (var o in outs.Where(o => !o.HasHash))
        {
            diags.Add(new Diagnostic(source.Path, SourceSpan.At(o.Line), DiagnosticSeverity.Warning, "dvc.file-no-hash", $"output '{o.Path}' has no md5: the data was never committed to DVC"));
        }

        return new DvcFileDocument(source.Path, outs, deps, root?["frozen"] is YamlScalarNode { Value: "true" }, diags);
    }

    /// <summary>Parses .dvc/config (also config.local).</summary>
    public static DvcConfigDocument ParseConfig(SourceText source)
    {
        var diags = new List<Diagnostic>();
        var ini = IniParser.Parse(source, diags);
        string? def = null;
        var remotes = new List<DvcRemote>();
        foreach (var s in ini.Sections)
        {
            if (s.Name == "core")
            {
                def = s.Get("remote");
            }
            else if (RemoteSection().Match(s.Name) is { Success: true } m)
            {
                remotes.Add(new DvcRemote(m.Groups[1].Value, s.Get("url"), s.Line, s.Get("allow_anonymous_login")?.Trim().ToLowerInvariant() is "true"));
            }
        }

        if (def is not null && remotes.All(r => r.Name != def))
        {
            diags.Add(new Diagnostic(source.Path, null, DiagnosticSeverity.Info, "dvc.default-remote-undefined", $"default remote '{def}' is not defined in this file (it may be in config.local)"));
        }

        return new DvcConfigDocument(source.Path, def, remotes, diags);
    }

    private static List<DvcHashedPath> ReadHashed(YamlNode? node)
    {
        var list = new List<DvcHashedPath>();
        if (node is not YamlSequenceNode q)
        {
            return list;
        }

        foreach (var m in q.Items.OfType<YamlMappingNode>())
        {
            var md5 = Str(m["md5"]) ?? Str(m["etag"]) ?? Str(m["checksum"]);
            list.Add(new DvcHashedPath(Str(m["path"]) ?? string.Empty, md5, Str(m["hash"]), long.TryParse(Str(m["size"]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) ? size : null, int.TryParse(Str(m["nfiles"]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null, m.Line));
        }

        return list;
    }

    private static string? Str(YamlNode? n) => n is YamlScalarNode s && !s.IsNull ? s.Value : null;

    private static void MergeInto(YamlMappingNode into, YamlMappingNode? from)
    {
        foreach (var (k, l, v) in from?.Entries ?? [])
        {
            into.Set(k, l, v);
        }
    }

    private static (string File, string? Keys) SplitKeys(string s) => s.IndexOf(':') is var i and > 0 ? (s[..i], s[(i + 1)..]) : (s, null);

    /// <summary>The folder of a repository-relative path ("" at the root).</summary>
    internal static string Folder(string path) => path.LastIndexOf('/') is var i and >= 0 ? path[..i] : string.Empty;

    /// <summary>Joins and normalizes repository-relative paths ('.' and '..' collapsed, '/' separators).</summary>
    internal static string Join(string dir, string rel)
    {
        rel = rel.Replace('\\', '/');
        if (rel.StartsWith('/') || rel.Contains("://", StringComparison.Ordinal))
        {
            return rel;
        }

        var parts = new List<string>();
        foreach (var p in (dir.Length == 0 ? rel : dir + "/" + rel).Split('/'))
        {
            if (p.Length == 0 || p == ".")
            {
                continue;
            }

            if (p == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(p);
            }
        }

        return parts.Count == 0 ? "." : string.Join('/', parts);
    }

    [GeneratedRegex(@"^remote\s+""([^""]+)""$")]
    private static partial Regex RemoteSection();

    [GeneratedRegex(@"(?<!\\)\$\{\s*([^}]+?)\s*\}")]
    private static partial Regex Interpolation();

    /// <summary>Interpolation scopes, innermost last.</summary>
    private sealed class Context(string path, List<Diagnostic> diags)
    {
        public List<YamlMappingNode> Scopes { get; } = [];

        public YamlNode? Lookup(string expr)
        {
            var parts = expr.Replace("[", ".", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal).Split('.');
            for (var s = Scopes.Count - 1; s >= 0; s--)
            {
                YamlNode? cur = Scopes[s];
                foreach (var p in parts)
                {
                    cur = cur switch
                    {
                        YamlMappingNode m => m[p],
                        YamlSequenceNode q when int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < q.Items.Count => q.Items[i],
                        _ => null,
                    };
                    if (cur is null)
                    {
                        break;
                    }
                }

                if (cur is not null)
                {
                    return cur;
                }
            }

            return null;
        }

        /// <summary>A whole-value reference (`foreach: ${models}`) resolves to the node itself.</summary>
        public YamlNode ResolveNode(YamlNode node)
        {
            if (node is YamlScalarNode s && Interpolation().Match(s.Value) is { Success: true } m && m.Length == s.Value.Length)
            {
                if (Lookup(m.Groups[1].Value) is { } found)
                {
                    return found;
                }

                diags.Add(new Diagnostic(path, SourceSpan.At(s.Line), DiagnosticSeverity.Warning, "dvc.unresolved-interpolation", $"'{s.Value}' names nothing in vars or params.yaml; kept as written"));
            }

            return node;
        }

        public string Interpolate(string text, int line)
        {
            if (!text.Contains("${", StringComparison.Ordinal))
            {
                return text;
            }

            return Interpolation().Replace(text, m =>
            {
                if (Lookup(m.Groups[1].Value) is YamlScalarNode s)
                {
                    return s.Value;
                }

                diags.Add(new Diagnostic(path, SourceSpan.At(line), DiagnosticSeverity.Warning, "dvc.unresolved-interpolation", $"'{m.Value}' is not a literal in vars or params.yaml; kept as written"));
                return m.Value;
            });
        }
    }
}
