using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using MLRepro.Formats.Dependencies;
using MLRepro.Text;

namespace MLRepro.Formats.Containers;

/// <summary>
/// Parses Dockerfiles: continuation lines (and the escape directive), comments, heredocs, multi-stage FROM with
/// ARG defaults substituted, ENV/ARG, COPY sources and the pip/conda installs of RUN lines.
/// </summary>
public static partial class DockerfileParser
{
    /// <summary>Most instructions read.</summary>
    public const int MaxInstructions = 20_000;

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER", "WORKDIR",
        "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
    };

    /// <summary>Parses a Dockerfile into a container document.</summary>
    public static ContainerDocument Parse(SourceText source)
    {
        var diags = new List<Diagnostic>();
        var instructions = ReadInstructions(source, diags);
        var stages = ImmutableArray.CreateBuilder<ContainerImage>();
        var env = ImmutableArray.CreateBuilder<DockerVariable>();
        var args = ImmutableArray.CreateBuilder<DockerVariable>();
        var pips = ImmutableArray.CreateBuilder<PipInstallCommand>();
        var copies = ImmutableArray.CreateBuilder<string>();
        var globalArgs = new Dictionary<string, string?>(StringComparer.Ordinal);
        var stageNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var seenFrom = false;
        string? cuda = null;
        string? python = null;
        var gpu = false;
        int? gpuLine = null;

        foreach (var ins in instructions)
        {
            switch (ins.Keyword)
            {
                case "ARG":
                    foreach (var (name, value) in ReadAssignments(ins.Arguments, allowBare: true))
                    {
                        args.Add(new DockerVariable(name, value, ins.Line));
                        if (!seenFrom)
                        {
                            globalArgs[name] = value;
                        }
                    }

                    break;
                case "FROM":
                    seenFrom = true;
                    var words = ins.Arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
                    if (words.Count == 0)
                    {
                        diags.Add(new Diagnostic(source.Path, SourceSpan.At(ins.Line), DiagnosticSeverity.Warning, "dockerfile.from", "FROM without an image"));
                        break;
                    }

                    var imageText = Substitute(words[0], globalArgs);
                    string? stage = words.Count >= 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
                    var img = ImageReferenceParser.Parse(imageText, ins.Line, stage, stageNames.Contains(imageText));
                    stages.Add(img);
                    if (stage is not null)
                    {
                        stageNames.Add(stage);
                    }

                    cuda ??= img.CudaVersion;
                    python ??= img.PythonVersion;
                    if (img.IsGpuImage && !gpu)
                    {
                        gpu = true;
                        gpuLine = ins.Line;
                    }

                    break;
                case "ENV":
                    foreach (var (name, value) in ReadAssignments(ins.Arguments, allowBare: false))
                    {
                        env.Add(new DockerVariable(name, value, ins.Line));
                        if (name is "CUDA_VERSION" && value is { Length: > 0 })
                        {
                            cuda ??= value;
                        }

                        if (name is "PYTHON_VERSION" && value is { Length: > 0 } && char.IsAsciiDigit(value[0]))
                        {
                            python ??= value;
                        }

                        if (name is "NVIDIA_VISIBLE_DEVICES" && value is not null && value != "void" && !gpu)
                        {
                            gpu = true;
                            gpuLine = ins.Line;
                        }
                    }

                    break;
                case "RUN":
                    foreach (var cmd in PipInstallParser.Parse(ins.Arguments, source.Path, ins.Line))
                    {
                        pips.Add(cmd);
                        foreach (var p in cmd.Packages)
                        {
                            if (p.Name == "python" && p.Ecosystem == "conda" && p.Specifier is { } s)
                            {
                                python ??= s.TrimStart('=');
                            }
                        }
                    }

                    break;
                case "COPY" or "ADD":
                    var parts = ins.Arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
                    if (parts.Count > 0 && parts[0].StartsWith('['))
                    {
                        parts = JsonForm().Matches(ins.Arguments).Select(m => m.Groups[1].Value).ToList();
                    }

                    for (var i = 0; i < parts.Count - 1; i++)
                    {
                        copies.Add(parts[i]);
                    }

                    break;
            }
        }

        // No CUDA base image: the wheels chosen may still say which CUDA the image needs (torch==2.1.0+cu118).
        cuda ??= CudaHints.FromInstalls(pips);
        var packages = pips.SelectMany(p => p.Packages).ToImmutableArray();
        var references = ImmutableArray.CreateBuilder<string>();
        var dir = source.Path.LastIndexOf('/') is var k and >= 0 ? source.Path[..k] : string.Empty;
        foreach (var p in pips)
        {
            foreach (var r in p.RequirementFiles.Concat(p.ConstraintFiles))
            {
                // Paths in RUN are inside the image; most Dockerfiles copy from the build context at the same relative path.
                var name = r.TrimStart('.', '/');
                references.Add(Requirements.RequirementsParser.ResolveInclude(dir, name.Length == 0 ? r : r.StartsWith('/') ? r[(r.LastIndexOf('/') + 1)..] : r));
            }
        }

        var doc = new DockerfileDocument([.. instructions], stages.ToImmutable(), env.ToImmutable(), args.ToImmutable(), pips.ToImmutable(), copies.ToImmutable());
        return new ContainerDocument(source.Path, ContainerKind.Dockerfile, stages.ToImmutable(), gpu, gpuLine, cuda, python, packages,
            [.. references.Distinct(StringComparer.Ordinal)], [], [.. diags], doc);
    }

    /// <summary>Reads instructions: escape directive, comments, continuations, heredocs.</summary>
    internal static List<DockerInstruction> ReadInstructions(SourceText source, List<Diagnostic> diags)
    {
        var list = new List<DockerInstruction>();
        var escape = '\\';
        var n = 1;
        // Parser directives: only at the very top, before any instruction or other comment.
        for (; n <= source.LineCount; n++)
        {
            var l = source.GetLine(n).Trim();
            var m = Directive().Match(l);
            if (!m.Success)
            {
                break;
            }

            if (m.Groups[1].Value.Equals("escape", StringComparison.OrdinalIgnoreCase) && m.Groups[2].Value is "`" or "\\")
            {
                escape = m.Groups[2].Value[0];
            }
        }

        n = 1;
        while (n <= source.LineCount && list.Count < MaxInstructions)
        {
            var line = source.GetLine(n);
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                n++;
                continue;
            }

            var start = n;
            var sb = new StringBuilder();
            var cur = trimmed.TrimEnd();
            while (true)
            {
                if (cur.EndsWith(escape) && n < source.LineCount)
                {
                    sb.Append(cur, 0, cur.Length - 1).Append(' ');
                    n++;
                    // Comment lines and empty lines inside a continuation are skipped.
                    while (n <= source.LineCount && source.GetLine(n).TrimStart() is var t && (t.StartsWith('#') || t.Length == 0) && n < source.LineCount)
                    {
                        n++;
                    }

                    cur = source.GetLine(n).Trim();
                    continue;
                }

                sb.Append(cur);
                break;
            }

            var text = sb.ToString();
            var sp = 0;
            while (sp < text.Length && !char.IsWhiteSpace(text[sp]))
            {
                sp++;
            }

            var keyword = text[..sp].ToUpperInvariant();
            var rest = text[sp..].Trim();
            if (!Keywords.Contains(keyword))
            {
                diags.Add(new Diagnostic(source.Path, SourceSpan.At(start), DiagnosticSeverity.Warning, "dockerfile.unknown-instruction", $"unknown instruction '{RequirementSpec.Clip(keyword)}'"));
            }

            // Heredocs: RUN <<EOF … EOF (several may follow one instruction).
            foreach (Match h in Heredoc().Matches(rest))
            {
                var delimiter = h.Groups[2].Value;
                var body = new StringBuilder();
                while (++n <= source.LineCount)
                {
                    var bl = source.GetLine(n);
                    if ((h.Groups[1].Value == "-" ? bl.TrimStart('\t') : bl) == delimiter)
                    {
                        break;
                    }

                    body.Append('\n').Append(bl);
                }

                if (n > source.LineCount)
                {
                    diags.Add(new Diagnostic(source.Path, SourceSpan.At(start), DiagnosticSeverity.Warning, "dockerfile.heredoc", $"heredoc '{delimiter}' is not closed"));
                    n = source.LineCount;
                }

                rest += body.ToString();
            }

            list.Add(new DockerInstruction(keyword, rest, start, n));
            n++;
        }

        return list;
    }

    /// <summary>Reads "K=V K2=V2" or the legacy "K V" form.</summary>
    internal static IEnumerable<(string Name, string? Value)> ReadAssignments(string args, bool allowBare)
    {
        var words = ShellWords.Split(args);
        if (words.Count == 0)
        {
            yield break;
        }

        if (!words[0].Contains('=') && !allowBare && words.Count >= 2)
        {
            yield return (words[0], string.Join(' ', words.Skip(1)));
            yield break;
        }

        foreach (var w in words)
        {
            var eq = w.IndexOf('=');
            if (eq > 0)
            {
                yield return (w[..eq], w[(eq + 1)..]);
            }
            else if (allowBare && w.Length > 0)
            {
                yield return (w, null);
            }
        }
    }

    /// <summary>Substitutes $VAR, ${VAR}, ${VAR:-default} from literal ARG defaults; unknown ones stay as written.</summary>
    internal static string Substitute(string text, IReadOnlyDictionary<string, string?> vars) =>
        VarRef().Replace(text, m =>
        {
            var name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[4].Value;
            if (vars.TryGetValue(name, out var v) && v is not null)
            {
                return v;
            }

            return m.Groups[2].Success ? m.Groups[3].Value : m.Value;
        });

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)(:?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex VarRef();

    [GeneratedRegex(@"^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$")]
    private static partial Regex Directive();

    [GeneratedRegex(@"<<(-?)[""']?([A-Za-z_][A-Za-z0-9_]*)[""']?")]
    private static partial Regex Heredoc();

    [GeneratedRegex(@"""((?:[^""\\]|\\.)*)""")]
    private static partial Regex JsonForm();
}
