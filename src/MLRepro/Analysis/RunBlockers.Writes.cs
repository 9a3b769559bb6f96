using System.Text;
using System.Text.RegularExpressions;
using MLRepro.Model;
using MLRepro.Python;

namespace MLRepro.Analysis;

public static partial class RunBlockers
{
    /// <summary>Nesting depth up to which a variable in a written path is followed back to its assignment.</summary>
    public const int MaxPathResolveDepth = 4;

    /// <summary>A written path needs at least this many literal characters (placeholders aside) to be matched against reads.</summary>
    public const int MinLiteralCharsInWrittenPath = 6;

    /// <summary>Calls that write a file, and which positional argument (or keyword) names it.</summary>
    private static readonly (string Suffix, int Position, string? Keyword)[] FileWriters =
    [
        ("numpy.save", 0, "file"), ("numpy.savez", 0, "file"), ("numpy.savez_compressed", 0, "file"), ("numpy.savetxt", 0, "fname"),
        ("torch.save", 1, "f"), ("joblib.dump", 1, "filename"), (".savefig", 0, "fname"), (".to_csv", 0, "path_or_buf"),
        (".to_parquet", 0, "path"), (".to_json", 0, "path_or_buf"), (".to_pickle", 0, "path"), (".to_excel", 0, "excel_writer"),
        (".to_feather", 0, "path"), ("imageio.imwrite", 0, "uri"), ("imageio.mimsave", 0, "uri"), ("cv2.imwrite", 0, "filename"),
    ];

    /// <summary>
    /// The files the project's own code writes, as patterns: a literal path, or an f-string / os.path.join whose variables are
    /// followed back to their assignments and whose other placeholders match anything (np.save(f"{outdir}/frames.npy") with
    /// outdir = f"exps/{config.experiment_name}" → exps/…/frames.npy). A notebook that plots what the training script saved
    /// reads results of a run, not inputs someone must supply.
    /// </summary>
    public static IReadOnlyList<Regex> WrittenPathPatterns(ProjectModel project)
    {
        var patterns = new List<Regex>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in project.PythonModules.Where(m => !ConfigAnalysis.IsTestOrTooling(m.Path)))
        {
            foreach (var (_, pattern) in WriteSites(m))
            {
                if (!seen.Add(pattern))
                {
                    continue;
                }

                // The file name itself must be spelled out (frames.npy), not only its extension ({i:04}.png), or the pattern
                // would swallow inputs of the same type that someone must supply.
                var literal = Regex.Replace(pattern, @"\(\?:\.\+/?\)\??|\\", string.Empty);
                var fileName = literal[(literal.LastIndexOf('/') + 1)..];
                var stem = fileName.Contains('.', StringComparison.Ordinal) ? fileName[..fileName.LastIndexOf('.')] : fileName;
                if (literal.Length >= MinLiteralCharsInWrittenPath && stem.Length >= 2)
                {
                    // NonBacktracking: linear in the path's length whatever the number of placeholders, so the match can
                    // neither time out under load nor give a different verdict from one run to the next.
                    patterns.Add(new Regex("^(?:\\./)?" + pattern + "$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
                }
            }
        }

        return patterns;
    }

    /// <summary>
    /// Every call of a module that writes a file, with a regex for the path it writes (see <see cref="PathPattern"/>): the
    /// writers of <see cref="WrittenArgument"/>, open(…, "a"), and pathlib's <c>p.open("w")</c>, <c>p.write_text(…)</c> and
    /// <c>p.write_bytes(…)</c> on a path this can follow (<c>FLOW_PATH = ROOT / "artifacts" / "metrics" / "flow.json"</c>).
    /// A json.dump or yaml.dump into a handle is covered by the open call that made the handle. Calls whose target this
    /// cannot follow are left out.
    /// </summary>
    /// <param name="m">The module.</param>
    public static IEnumerable<(PythonCall Call, string Pattern)> WriteSites(ModuleSummary m)
    {
        foreach (var c in m.Calls)
        {
            string? text = null;
            if (WrittenArgument(c) is { } arg)
            {
                text = arg.Text;
            }
            else if (c.Target is "open" or "io.open" or "builtins.open" && (c.PositionalAt(1) ?? c.Keyword("mode"))?.Literal?.AsString is { Length: <= 3 } md && md.Contains('a', StringComparison.Ordinal))
            {
                text = (c.PositionalAt(0) ?? c.Keyword("file"))?.Text;
            }
            else if (c.RawTarget.LastIndexOf('.') is > 0 and var dot && c.Target is not ("open" or "io.open" or "builtins.open" or "codecs.open"))
            {
                // Path.open's mode is its first argument; Path.write_text/write_bytes write the receiver.
                var method = c.RawTarget[(dot + 1)..];
                var writes = method is "write_text" or "write_bytes"
                    || (method == "open" && (c.PositionalAt(0) ?? c.Keyword("mode"))?.Literal?.AsString is { Length: <= 3 } pm && pm.AsSpan().IndexOfAny("wax") >= 0);
                text = writes ? c.RawTarget[..dot] : null;
            }

            if (text is not null && PathPattern(m, text, c.Line, 0) is { } pattern)
            {
                yield return (c, pattern);
            }
        }
    }

    /// <summary>
    /// The files the project's own code (tests and tooling aside) writes at a path known from the repository's root or the
    /// script's folder: every folder spelled out, only a root computed from <c>__file__</c> or the working folder left open
    /// (<c>ROOT / "artifacts" / "metrics" / "flow.json"</c>, <c>open("results/metrics.json", "w")</c>). A path under a folder
    /// chosen at run time (<c>os.path.join(args.out, "config.json")</c>, a copy of the config saved with the run) is left out:
    /// it could name any committed file of that name.
    /// </summary>
    /// <param name="project">The project.</param>
    public static IReadOnlyList<Regex> RootedWrittenPaths(ProjectModel project)
    {
        var patterns = new List<Regex>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in project.PythonModules.Where(m => !ConfigAnalysis.IsTestOrTooling(m.Path)))
        {
            foreach (var (_, pattern) in WriteSites(m))
            {
                if (IsRooted(pattern) && seen.Add(pattern))
                {
                    patterns.Add(new Regex("^(?:\\./)?" + pattern + "$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
                }
            }
        }

        return patterns;
    }

    /// <summary>Whether a written-path pattern spells out every folder and the file's name and extension, only a root computed from __file__ or the working folder left open.</summary>
    /// <param name="pattern">A pattern from <see cref="WriteSites"/>.</param>
    public static bool IsRooted(string pattern)
    {
        var rest = pattern.StartsWith(AnyPrefix, StringComparison.Ordinal) ? pattern[AnyPrefix.Length..] : pattern;
        return rest.Length > 0 && !rest.Contains("(?:", StringComparison.Ordinal) && rest.Contains("\\.", StringComparison.Ordinal);
    }

    /// <summary>A regex for the path an expression of the module builds at a line (see <see cref="WriteSites"/>), or null.</summary>
    /// <param name="m">The module.</param>
    /// <param name="text">The expression (a literal, a variable, an f-string, a pathlib chain, os.path.join).</param>
    /// <param name="line">The line it is used at (variables are followed to their last assignment before it).</param>
    public static string? PathPatternOf(ModuleSummary m, string text, int line) => PathPattern(m, text, line, 0);

    /// <summary>A written-path pattern made readable: placeholders shown as "…" (<c>…/metrics/x_validation.json</c>).</summary>
    /// <param name="pattern">A pattern from <see cref="WriteSites"/>.</param>
    public static string DisplayPath(string pattern) =>
        Regex.Unescape(pattern.Replace(AnyPrefix, "…/", StringComparison.Ordinal).Replace(Any, "…", StringComparison.Ordinal));

    /// <summary>Whether a file path matches a pattern from <see cref="WriteSites"/>.</summary>
    /// <param name="pattern">A pattern from <see cref="WriteSites"/>.</param>
    /// <param name="path">A repository-relative path.</param>
    public static bool PatternMatches(string pattern, string path) =>
        Regex.IsMatch(Normalize(path), "^(?:\\./)?" + pattern + "$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    /// <summary>Calls that create folders (os.makedirs, Path(…).mkdir, pathlib's mkdir, distutils' mkpath).</summary>
    private static bool MakesFolder(PythonCall c) =>
        c.Target.EndsWith("makedirs", StringComparison.Ordinal) || c.Target.EndsWith("mkdir", StringComparison.Ordinal) || c.Target.EndsWith("mkpath", StringComparison.Ordinal)
        || c.Target.EndsWith("copytree", StringComparison.Ordinal) || c.RawTarget.EndsWith(".mkdir", StringComparison.Ordinal);

    /// <summary>
    /// Files the run saves (torch.save, joblib.dump, np.save, savefig, to_csv, open(…, "w")) into a folder that a fresh clone
    /// lacks (no committed file lies under it: absent, or git-ignored) and that nothing creates: no code reads missing inputs from
    /// it (the user makes it when supplying them), no makedirs/mkdir call in
    /// the project names it, no mkdir call of the writing module takes a path this cannot follow (os.makedirs(os.path.dirname(p))),
    /// and no command, script or document runs `mkdir` on it. These writers do not create folders, so the save raises
    /// FileNotFoundError. The path is a literal (or a followed f-string/variable without placeholders) or a config value.
    /// </summary>
    /// <param name="project">The project.</param>
    /// <param name="modules">The modules the documented run executes.</param>
    public static IEnumerable<RunBlocker> SavesIntoMissingFolders(ProjectModel project, IReadOnlySet<string> modules)
    {
        var writers = project.PythonModules.Where(m => !m.IsNotebook && modules.Contains(m.Path) && !ConfigAnalysis.IsTestOrTooling(m.Path)).ToList();
        if (writers.Count == 0)
        {
            yield break;
        }

        // Folders some code creates (literal or followed paths), and modules that create a folder this cannot name.
        var created = new HashSet<string>(StringComparer.Ordinal);
        var opaqueMkdir = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in project.PythonModules)
        {
            foreach (var c in m.Calls.Where(MakesFolder))
            {
                var arg = c.PositionalAt(0) ?? c.Keyword("name") ?? c.Keyword("path");
                var dir = c.RawTarget.EndsWith(".mkdir", StringComparison.Ordinal) && !c.Target.StartsWith("os.", StringComparison.Ordinal)
                    ? ReceiverPath(m, c) : arg is null ? null : WrittenPath(project, m, arg, c.Line);
                if (dir is null)
                {
                    opaqueMkdir.Add(m.Path);
                }
                else
                {
                    created.Add(Normalize(dir));
                }
            }
        }

        // Folders the code also reads inputs from that the project lacks (data/ of a README's "put the files here" layout):
        // the user makes them when supplying those inputs, and the missing inputs are reported as such.
        var inputFolders = project.Data.Reads.Where(r => r.Status is DataPathStatus.Missing or DataPathStatus.LocalOnly && r.Literal is not null)
            .Select(r => Normalize(r.Literal!)).ToList();

        string? shellText = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in writers.Where(m => !opaqueMkdir.Contains(m.Path)))
        {
            foreach (var c in m.Calls)
            {
                if (WrittenArgument(c) is not { } arg || WrittenPath(project, m, arg, c.Line) is not { } path)
                {
                    continue;
                }

                path = Normalize(path);
                var slash = path.LastIndexOf('/');
                if (slash <= 0 || path.StartsWith('/') || path.StartsWith('~') || path.Contains("..", StringComparison.Ordinal) || path.Contains(':', StringComparison.Ordinal))
                {
                    continue;
                }

                var folder = path[..slash];
                if (!seen.Add(folder) || InFreshClone(project, folder) || created.Any(d => d == folder || d.StartsWith(folder + "/", StringComparison.Ordinal))
                    || inputFolders.Any(i => i.StartsWith(folder + "/", StringComparison.Ordinal)))
                {
                    continue;
                }

                shellText ??= ShellText(project);
                if (Regex.IsMatch(shellText, @"\bmkdir\b[^\n]*?(?<![\w./-])(?:\./)?" + Regex.Escape(folder) + @"(?![\w.-])"))
                {
                    continue;
                }

                yield return new RunBlocker(m.Path, c.Line, $"saves {path}, but {folder}/ is not in a fresh clone and nothing creates it: FileNotFoundError", c.RawTarget + "(…)");
            }
        }
    }

    /// <summary>The argument naming the file a call writes, when the call writes one.</summary>
    private static CallArgument? WrittenArgument(PythonCall c)
    {
        if (c.Target is "open" or "io.open" or "builtins.open")
        {
            var mode = c.PositionalAt(1) ?? c.Keyword("mode");
            return mode?.Literal?.AsString is { Length: <= 3 } md && (md.Contains('w', StringComparison.Ordinal) || md.Contains('x', StringComparison.Ordinal))
                ? c.PositionalAt(0) ?? c.Keyword("file") : null;
        }

        foreach (var (suffix, position, keyword) in FileWriters)
        {
            if (c.Target == suffix || (suffix[0] == '.' && c.Target.EndsWith(suffix, StringComparison.Ordinal)) || c.Target.EndsWith("." + suffix, StringComparison.Ordinal))
            {
                return c.PositionalAt(position) ?? (keyword is null ? null : c.Keyword(keyword));
            }
        }

        return null;
    }

    /// <summary>The concrete path an argument stands for: a literal or followed variable without placeholders, or a config value.</summary>
    private static string? WrittenPath(ProjectModel project, ModuleSummary m, CallArgument arg, int line)
    {
        if (arg.Literal?.AsString is { Length: > 0 } lit)
        {
            return lit;
        }

        if (PathPattern(m, arg.Text, line, 0) is { } pattern)
        {
            return pattern.Contains(Any, StringComparison.Ordinal) || pattern.Contains(AnyPrefix, StringComparison.Ordinal) ? null : Regex.Unescape(pattern);
        }

        var (origin, key) = project.Tracer.Trace(m, arg, line);
        if (origin == SeedOrigin.Config && key is not null)
        {
            // The tracer names the key as the code spells it (a leaf, or a dotted path): every entry it may stand for must agree.
            var values = project.ConfigFiles.SelectMany(f => f.Entries).Where(e => e.KeyPath == key || e.KeyPath.EndsWith("." + key, StringComparison.Ordinal))
                .Select(e => e.Value).Where(v => v is { Length: > 0 }).Distinct(StringComparer.Ordinal).ToList();
            return values.Count == 1 && !values[0]!.Contains('$', StringComparison.Ordinal) && !values[0]!.Contains('{', StringComparison.Ordinal) ? values[0] : null;
        }

        return null;
    }

    /// <summary>The path of Path("x").mkdir(…) or of a variable holding Path("x"), when literal.</summary>
    private static string? ReceiverPath(ModuleSummary m, PythonCall c)
    {
        var receiver = c.RawTarget[..c.RawTarget.LastIndexOf('.')];
        var value = Identifier().IsMatch(receiver) ? m.Assignments.Where(a => a.RawTarget == receiver && a.Line <= c.Line).MaxBy(a => a.Line)?.ValueText : receiver;
        return value is not null && PathCall().Match(value.Trim()) is { Success: true } pm ? pm.Groups["p"].Value : null;
    }

    private static string Normalize(string path)
    {
        var p = path.Replace('\\', '/');

        // POSIX treats repeated separators and "/./" as one: f"{out_dir}/x.csv" with out_dir = "data/processed/" writes into data/processed.
        while (p.Contains("//", StringComparison.Ordinal) || p.Contains("/./", StringComparison.Ordinal))
        {
            p = p.Replace("//", "/", StringComparison.Ordinal).Replace("/./", "/", StringComparison.Ordinal);
        }

        p = p.TrimEnd('/');
        while (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        return p;
    }

    /// <summary>Whether a committed file lies under the folder (a clone has the folder).</summary>
    private static bool InFreshClone(ProjectModel project, string folder) =>
        project.Index.ContainsDirectory(folder) && project.Index.FilesUnder(folder).Any(f => f.Git is Indexing.GitStatus.Tracked or Indexing.GitStatus.NotInRepo);

    /// <summary>Shell commands of the project: pipeline stages, Makefiles, CI, documented and notebook commands, and shell scripts.</summary>
    private static string ShellText(ProjectModel project)
    {
        var sb = new StringBuilder();
        foreach (var c in project.Commands)
        {
            sb.Append(c.Text).Append('\n');
        }

        foreach (var f in project.Index.Files.Where(f => (f.Extension is ".sh" or ".bash" || f.Name is "Makefile" or "Dockerfile") && f.Size <= MaxScannedChars))
        {
            sb.Append(project.Text(f.Path)?.Text).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Whether a path a module reads is one the project's code writes (see <see cref="WrittenPathPatterns"/>).</summary>
    public static bool WrittenByProject(IReadOnlyList<Regex> patterns, string literal)
    {
        var p = literal.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        return patterns.Any(r => r.IsMatch(p));
    }

    /// <summary>A regex for the path an expression builds, or null when it is not a path expression this follows.</summary>
    private static string? PathPattern(ModuleSummary m, string text, int line, int depth)
    {
        var t = text.Trim();
        if (depth > MaxPathResolveDepth || t.Length == 0)
        {
            return null;
        }

        // The script's own folder or the working folder (Path(__file__).resolve().parents[1], os.path.dirname(__file__),
        // Path.cwd()): a root inside the repository, possibly the repository itself.
        if (t.Contains("__file__", StringComparison.Ordinal) || t is "Path.cwd()" or "pathlib.Path.cwd()" or "os.getcwd()")
        {
            return AnyPrefix;
        }

        if (FString().Match(t) is { Success: true } f)
        {
            var body = f.Groups["body"].Value;
            var sb = new StringBuilder();
            var i = 0;
            while (i < body.Length)
            {
                var open = body.IndexOf('{', i);
                if (open < 0)
                {
                    sb.Append(Regex.Escape(body[i..]));
                    break;
                }

                sb.Append(Regex.Escape(body[i..open]));
                var close = body.IndexOf('}', open);
                if (close < 0)
                {
                    return null;
                }

                var expr = body[(open + 1)..close].Split(':')[0].Split('!')[0].Trim();
                var part = Identifier().IsMatch(expr) && PathPattern(m, expr, line, depth + 1) is { } inner ? inner : Any;
                sb.Append(part);
                i = close + 1;

                // f"{ROOT}/metrics.json": the root's optional prefix ends with its own separator.
                if (part == AnyPrefix && i < body.Length && body[i] == '/')
                {
                    i++;
                }
            }

            return sb.ToString();
        }

        // 'FID_%.5i_%s.json' % (step, mode), "{}_scores.csv".format(name): the formatted fields match anything.
        if (FormattedString().Match(t) is { Success: true } fs)
        {
            var fields = fs.Groups["fmt"].Success ? PercentField() : BraceField();
            return string.Join(Any, fields.Split(fs.Groups["body"].Value).Select(Regex.Escape));
        }

        if (PlainString().Match(t) is { Success: true } s)
        {
            return Regex.Escape(s.Groups["body"].Value);
        }

        if (Identifier().IsMatch(t))
        {
            var a = m.Assignments.Where(x => x.RawTarget == t && x.Operator == "=" && x.Line <= line).MaxBy(x => x.Line);
            return a is null ? null : PathPattern(m, a.ValueText, a.Line, depth + 1);
        }

        if (t.StartsWith("os.path.join(", StringComparison.Ordinal) && t.EndsWith(')'))
        {
            var parts = SplitTopLevel(t["os.path.join(".Length..^1]);
            var resolved = parts.Select(p => PathPattern(m, p, line, depth + 1) ?? Any).ToList();
            return resolved.All(r => r == Any) ? null : JoinPath(resolved);
        }

        // Path("out") / "metrics.json", str(p), (ROOT / "x"): a wrapper or brackets around a path are the same path.
        if (PathWrapper().Match(t) is { Success: true } w && ClosesAtEnd(t, w.Groups["a"].Index - 1) && SplitTopLevel(w.Groups["a"].Value) is [var wrapped])
        {
            return PathPattern(m, wrapped, line, depth);
        }

        // A pathlib chain (ROOT / "artifacts" / "metrics" / "x.json") or a concatenation (out_dir + "/metrics.json"): the
        // parts this cannot follow (a root computed from __file__, an argument) match anything.
        foreach (var op in (ReadOnlySpan<char>)['/', '+'])
        {
            var parts = SplitTopLevel(t, op);
            if (parts.Count > 1)
            {
                var resolved = parts.Select(p => PathPattern(m, p, line, depth) ?? Any).ToList();
                return resolved.All(r => r == Any) ? null : op == '/' ? JoinPath(resolved) : string.Concat(resolved);
            }
        }

        return null;
    }

    /// <summary>Whether the bracket opened at <paramref name="open"/> is closed by the text's last character (<c>(a / b)</c>, not <c>(a) / (b)</c>).</summary>
    private static bool ClosesAtEnd(string s, int open)
    {
        foreach (var (i, ch, depth) in Unquoted(s, open))
        {
            if (ch is ')' or ']' or '}' && depth == 0)
            {
                return i == s.Length - 1;
            }
        }

        return false;
    }

    /// <summary>
    /// The characters of an expression outside string literals, from <paramref name="from"/> on, each with the bracket depth
    /// after it (an opening bracket counts in, a closing one out).
    /// </summary>
    private static IEnumerable<(int Index, char Char, int Depth)> Unquoted(string s, int from = 0)
    {
        var depth = 0;
        char? quote = null;
        for (var i = from; i < s.Length; i++)
        {
            var ch = s[i];
            if (quote is { } q)
            {
                if (ch == '\\')
                {
                    i++;
                }
                else if (ch == q)
                {
                    quote = null;
                }

                continue;
            }

            if (ch is '"' or '\'')
            {
                quote = ch;
                continue;
            }

            depth += ch is '(' or '[' or '{' ? 1 : ch is ')' or ']' or '}' ? -1 : 0;
            yield return (i, ch, depth);
        }
    }

    /// <summary>Path parts joined by "/"; a leading root of the script or working folder may also be the repository's root.</summary>
    private static string JoinPath(List<string> parts) =>
        parts[0] == AnyPrefix ? AnyPrefix + string.Join("/", parts.Skip(1)) : string.Join("/", parts);

    private const string Any = "(?:.+)";

    /// <summary>A folder inside the repository, possibly its root (<c>ROOT / "metrics.json"</c> with ROOT = Path(__file__).parents[1]).</summary>
    private const string AnyPrefix = "(?:.+/)?";

    /// <summary>Splits call arguments at top-level commas (not inside brackets or quotes).</summary>
    private static List<string> SplitTopLevel(string s, char separator = ',')
    {
        var parts = new List<string>();
        var start = 0;
        foreach (var (i, ch, depth) in Unquoted(s))
        {
            if (ch == separator && depth == 0)
            {
                parts.Add(s[start..i]);
                start = i + 1;
            }
        }

        parts.Add(s[start..]);
        return parts.Where(p => p.Trim().Length > 0).ToList();
    }

    [GeneratedRegex(@"^(?:[rR]?[fF]|[fF][rR])(?<q>""|')(?<body>[^""']*)\k<q>$")]
    private static partial Regex FString();

    [GeneratedRegex(@"^[rR]?(?<q>""|')(?<body>[^""'{}]*)\k<q>$")]
    private static partial Regex PlainString();

    /// <summary>A string literal formatted with % or str.format (<c>'FID_%.5i_%s.json' % (step, mode)</c>).</summary>
    [GeneratedRegex(@"^[rR]?(?<q>""|')(?<body>[^""']*)\k<q>\s*(?:(?<fmt>%)\s*\S.*|\.format\(.*\))$", RegexOptions.Singleline)]
    private static partial Regex FormattedString();

    [GeneratedRegex(@"%[-+ #0-9.]*[a-zA-Z]")]
    private static partial Regex PercentField();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex BraceField();

    [GeneratedRegex(@"^(?:pathlib\.)?Path\(\s*[rR]?(?<q>""|')(?<p>[^""']+)\k<q>\s*\)$")]
    private static partial Regex PathCall();

    [GeneratedRegex(@"^[A-Za-z_]\w*$")]
    private static partial Regex Identifier();

    /// <summary>A path wrapped in a call that keeps it (Path(…), pathlib.Path(…), str(…), os.fspath(…)) or in brackets.</summary>
    [GeneratedRegex(@"^(?:(?:pathlib\.)?Path|PurePath|str|os\.fspath)?\((?<a>.*)\)$", RegexOptions.Singleline)]
    private static partial Regex PathWrapper();
}
