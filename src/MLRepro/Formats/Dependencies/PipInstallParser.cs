using System.Collections.Immutable;

namespace MLRepro.Formats.Dependencies;

/// <summary>One `pip install …` (or `conda install …`) found in a command line.</summary>
/// <param name="Line">1-based line of the command.</param>
/// <param name="Packages">Packages named on the command line.</param>
/// <param name="RequirementFiles">Files given with -r (as written).</param>
/// <param name="ConstraintFiles">Files given with -c (as written).</param>
/// <param name="Options">Other options as written (--index-url …, -U).</param>
/// <param name="IsConda">Whether it was conda/mamba/micromamba rather than pip.</param>
public sealed record PipInstallCommand(int Line, ImmutableArray<Dependency> Packages, ImmutableArray<string> RequirementFiles, ImmutableArray<string> ConstraintFiles, ImmutableArray<string> Options, bool IsConda);

/// <summary>
/// Finds `pip install` commands in shell text (scripts, Dockerfile RUN lines, notebook `!pip`/`%pip` lines) and reads
/// their packages and -r files. Commands are split at `&amp;&amp;`, `||`, `;` and `|`; shell variables are skipped.
/// </summary>
public static class PipInstallParser
{
    /// <summary>Longest command text examined.</summary>
    public const int MaxCommandLength = 65_536;

    private static readonly HashSet<string> PipOptionsWithValue = new(StringComparer.Ordinal)
    {
        "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url", "-f", "--find-links",
        "--trusted-host", "-t", "--target", "--prefix", "--root", "--upgrade-strategy", "--no-binary", "--only-binary", "--platform",
        "--python-version", "--implementation", "--abi", "--progress-bar", "--src", "--cache-dir", "--log", "--timeout", "--retries",
        "--proxy", "--cert", "--client-cert", "--exists-action", "--config-settings", "-C", "--global-option", "--install-option",
        "--report", "--python", "-p", "--use-feature", "--index-strategy", "--extra-index", "--group",
    };

    private static readonly HashSet<string> CondaOptionsWithValue = new(StringComparer.Ordinal)
    {
        "-c", "--channel", "-n", "--name", "-p", "--prefix", "--file", "--override-channels", "--repodata-fn", "--solver",
    };

    /// <summary>Parses every install command in a (continuation-joined) command line.</summary>
    /// <param name="commandLine">Shell text; backslash-newline continuations should already be joined.</param>
    /// <param name="path">Repository-relative path used in the dependencies.</param>
    /// <param name="line">Line to attribute the dependencies to.</param>
    public static ImmutableArray<PipInstallCommand> Parse(string commandLine, string path, int line)
    {
        if (commandLine.Length > MaxCommandLength)
        {
            commandLine = commandLine[..MaxCommandLength];
        }

        var result = ImmutableArray.CreateBuilder<PipInstallCommand>();
        foreach (var segment in SplitCommands(commandLine))
        {
            var words = ShellWords.Split(segment);
            var at = FindInstall(words, out var isConda);
            if (at < 0)
            {
                continue;
            }

            result.Add(ReadArgs(words, at + 1, isConda, path, line));
        }

        return result.ToImmutable();
    }

    private static IEnumerable<string> SplitCommands(string text)
    {
        var start = 0;
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c is ';' or '\n' or '|' or '&' or '(' or ')' or '`')
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static int FindInstall(List<string> w, out bool isConda)
    {
        isConda = false;
        for (var i = 0; i < w.Count - 1; i++)
        {
            var tool = w[i].TrimStart('!', '%');
            var name = tool[(tool.LastIndexOf('/') + 1)..];
            if (name is "pip" or "pip3" || (name.StartsWith("pip3.", StringComparison.Ordinal) && name.Length <= 8))
            {
                return w[i + 1] == "install" ? i + 1 : -1;
            }

            if ((name.StartsWith("python", StringComparison.Ordinal) || name == "uv") && i + 2 < w.Count)
            {
                // python -m pip install …, python3.10 -m pip install …, uv pip install …
                var j = i + 1;
                if (w[j] == "-m" && j + 2 < w.Count && w[j + 1] == "pip" && w[j + 2] == "install")
                {
                    return j + 2;
                }

                if (name == "uv" && w[j] == "pip" && w[j + 1] == "install")
                {
                    return j + 1;
                }
            }

            if (name is "conda" or "mamba" or "micromamba")
            {
                isConda = true;
                return w[i + 1] is "install" or "create" ? i + 1 : -1;
            }
        }

        return -1;
    }

    private static PipInstallCommand ReadArgs(List<string> w, int from, bool isConda, string path, int line)
    {
        var packages = ImmutableArray.CreateBuilder<Dependency>();
        var reqs = ImmutableArray.CreateBuilder<string>();
        var cons = ImmutableArray.CreateBuilder<string>();
        var options = ImmutableArray.CreateBuilder<string>();
        var withValue = isConda ? CondaOptionsWithValue : PipOptionsWithValue;
        var kind = isConda ? DependencyKind.Conda : DependencyKind.InstallCommand;
        for (var i = from; i < w.Count; i++)
        {
            var a = w[i];
            if (a.Length == 0 || a.StartsWith('>') || a.StartsWith('<') || a is "2>&1")
            {
                break; // redirection ends the argument list
            }

            if (a.StartsWith('-'))
            {
                string opt = a;
                string? value = null;
                var eq = a.IndexOf('=');
                if (a.StartsWith("--", StringComparison.Ordinal) && eq > 0)
                {
                    opt = a[..eq];
                    value = a[(eq + 1)..];
                }
                else if (withValue.Contains(a) && i + 1 < w.Count)
                {
                    value = w[++i];
                }
                else if (!a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2 && a[1] is 'r' or 'c' or 'e' && !isConda)
                {
                    opt = a[..2];
                    value = a[2..];
                }

                switch (opt)
                {
                    case "-r" or "--requirement" or "--file" when value is not null:
                        reqs.Add(value);
                        break;
                    case "-c" or "--constraint" when value is not null && !isConda:
                        cons.Add(value);
                        break;
                    case "-e" or "--editable" when value is not null:
                        if (!value.Contains('$', StringComparison.Ordinal) && PipRequirementToken.Parse(value, path, line, kind, false, "editable", out _) is { } ed)
                        {
                            packages.Add(ed);
                        }
                        else
                        {
                            options.Add("-e " + value);
                        }

                        break;
                    default:
                        options.Add(value is null ? opt : opt + " " + Requirements.RequirementsParser.RedactCredentials(value));
                        break;
                }

                continue;
            }

            if (a.Contains('$', StringComparison.Ordinal) || a.Contains('{', StringComparison.Ordinal) || a.Contains('*', StringComparison.Ordinal) && !a.Contains("=="))
            {
                continue; // shell variables and globs are unknown statically
            }

            var dep = isConda ? CondaSpec.Parse(a, path, line, DependencyKind.Conda, out _) : PipRequirementToken.Parse(a, path, line, kind, false, null, out _);
            if (dep is not null)
            {
                packages.Add(dep);
            }
            else if (!isConda && a.Contains("://", StringComparison.Ordinal))
            {
                // An unnamed URL or VCS reference still installs something: keep it visible to checks.
                options.Add("url " + Requirements.RequirementsParser.RedactCredentials(a));
            }
        }

        return new PipInstallCommand(line, packages.ToImmutable(), reqs.ToImmutable(), cons.ToImmutable(), options.ToImmutable(), isConda);
    }
}
