using System.Text.RegularExpressions;

namespace MLRepro.Verify;

/// <summary>One file access outside the project copy (a hidden input, or a write the sandbox may have blocked).</summary>
/// <param name="Path">The path as the process saw it.</param>
/// <param name="Write">Opened for writing (or created, renamed, deleted).</param>
/// <param name="Error">The errno name when the call failed (ENOENT, EROFS, EACCES…), null on success.</param>
public sealed record OutsideAccess(string Path, bool Write, string? Error);

/// <summary>One connect() call.</summary>
/// <param name="Address">Family and address as strace printed it.</param>
/// <param name="Error">The errno name when it failed, null when it connected.</param>
public sealed record NetworkAttempt(string Address, string? Error);

/// <summary>What one run read and wrote, from strace (or, without strace, from before/after snapshots only).</summary>
/// <param name="Method">"strace" or "snapshot".</param>
/// <param name="ProjectReads">Project-relative files opened for reading (successfully).</param>
/// <param name="ProjectWrites">Project-relative files opened for writing, created, renamed or deleted.</param>
/// <param name="Outside">Accesses to files outside the project copy and outside system folders.</param>
/// <param name="Network">Network connection attempts (AF_INET/AF_INET6 and UNIX sockets).</param>
/// <param name="Executed">Programs executed (execve), in order of first use.</param>
public sealed record AccessTrace(string Method, IReadOnlyList<string> ProjectReads, IReadOnlyList<string> ProjectWrites,
    IReadOnlyList<OutsideAccess> Outside, IReadOnlyList<NetworkAttempt> Network, IReadOnlyList<string> Executed)
{
    /// <summary>The syscalls strace is asked to record.</summary>
    public const string TracedCalls = "trace=open,openat,creat,connect,execve,rename,renameat,renameat2,unlink,unlinkat,chdir,clone,clone3,fork,vfork";

    /// <summary>Folders whose reads are the environment's business, not hidden inputs.</summary>
    public static readonly IReadOnlyList<string> SystemPrefixes =
    [
        "/usr/", "/lib/", "/lib32/", "/lib64/", "/libx32/", "/bin/", "/sbin/", "/proc/", "/sys/", "/dev/", "/etc/",
        "/run/", "/var/lib/", "/var/cache/", "/opt/conda/", "/usr", "/etc", "/proc", "/sys", "/dev",
    ];

    private static readonly Regex s_line = new(@"^(?<pid>\d+)\s+(?<call>\w+)\((?<args>.*)\)\s+=\s+(?<ret>-?\d+|\?)(?:\s+(?<err>E[A-Z0-9]+))?", RegexOptions.CultureInvariant);
    private static readonly Regex s_quoted = new("\"((?:[^\"\\\\]|\\\\.)*)\"", RegexOptions.CultureInvariant);

    /// <summary>Parses an strace -f output file.</summary>
    /// <param name="lines">The trace lines.</param>
    /// <param name="projectDir">The project copy's path as the traced process sees it.</param>
    /// <param name="scratchPrefixes">Private scratch folders inside the sandbox (its /tmp, its HOME) whose accesses are not hidden inputs unless they fail.</param>
    /// <param name="environmentPrefixes">The interpreter's own folders (a venv under /opt, a pyenv version): what Python and its
    /// libraries read or probe there is the environment, not a hidden input.</param>
    public static AccessTrace Parse(IEnumerable<string> lines, string projectDir, IReadOnlyList<string> scratchPrefixes, IReadOnlyList<string>? environmentPrefixes = null)
    {
        environmentPrefixes ??= [];
        projectDir = projectDir.TrimEnd('/');
        var reads = new SortedSet<string>(StringComparer.Ordinal);
        var writes = new SortedSet<string>(StringComparer.Ordinal);
        var outside = new List<OutsideAccess>();
        var seenOutside = new HashSet<OutsideAccess>();
        var network = new List<NetworkAttempt>();
        var executed = new List<string>();
        var cwd = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var raw in lines)
        {
            var line = raw;
            var unfinished = line.IndexOf(" <unfinished ...>", StringComparison.Ordinal);
            if (unfinished >= 0)
            {
                var pid0 = line.Split(' ', 2)[0];
                pending[pid0] = line[..unfinished];
                continue;
            }

            var resumed = Regex.Match(line, @"^(\d+)\s+<\.\.\. \w+ resumed>(.*)$", RegexOptions.CultureInvariant);
            if (resumed.Success)
            {
                if (!pending.Remove(resumed.Groups[1].Value, out var start))
                {
                    continue;
                }

                line = start + resumed.Groups[2].Value;
            }

            var m = s_line.Match(line);
            if (!m.Success)
            {
                continue;
            }

            var pid = m.Groups["pid"].Value;
            var call = m.Groups["call"].Value;
            var args = m.Groups["args"].Value;
            var ok = m.Groups["ret"].Value != "-1" && m.Groups["ret"].Value != "?";
            var err = m.Groups["err"].Success ? m.Groups["err"].Value : null;
            var here = cwd.TryGetValue(pid, out var c) ? c : projectDir;

            switch (call)
            {
                case "clone" or "clone3" or "fork" or "vfork":
                    if (ok)
                    {
                        cwd[m.Groups["ret"].Value] = here;
                    }

                    break;
                case "chdir":
                    if (ok && FirstPath(args) is { } d)
                    {
                        cwd[pid] = Resolve(here, d);
                    }

                    break;
                case "execve":
                    if (FirstPath(args) is { } exe && ok && !executed.Contains(exe))
                    {
                        executed.Add(exe);
                    }

                    break;
                case "connect":
                    if (!args.Contains("AF_NETLINK", StringComparison.Ordinal))
                    {
                        var start = args.IndexOf('{', StringComparison.Ordinal);
                        var end = args.LastIndexOf('}');
                        network.Add(new NetworkAttempt(start >= 0 && end > start ? args[(start + 1)..end] : args, ok ? null : err));
                    }

                    break;
                default:
                    var paths = s_quoted.Matches(args).Select(x => x.Groups[1].Value).ToList();
                    if (paths.Count == 0)
                    {
                        break;
                    }

                    var isWrite = call is "creat" or "rename" or "renameat" or "renameat2" or "unlink" or "unlinkat" ||
                        args.Contains("O_WRONLY", StringComparison.Ordinal) || args.Contains("O_RDWR", StringComparison.Ordinal) ||
                        args.Contains("O_CREAT", StringComparison.Ordinal);
                    var isDir = args.Contains("O_DIRECTORY", StringComparison.Ordinal);
                    foreach (var p in call.StartsWith("rename", StringComparison.Ordinal) ? paths : paths.Take(1))
                    {
                        var full = Resolve(here, p);
                        if (full == projectDir || full.StartsWith(projectDir + "/", StringComparison.Ordinal))
                        {
                            if (full == projectDir || isDir)
                            {
                                continue;
                            }

                            var rel = full[(projectDir.Length + 1)..];
                            if (isWrite && ok)
                            {
                                writes.Add(rel);
                            }
                            else if (ok)
                            {
                                reads.Add(rel);
                            }
                        }
                        else if ((isWrite ? !IsDevice(full) : !IsSystem(full) && !Under(full, environmentPrefixes)) && !(isDir && ok))
                        {
                            var scratch = scratchPrefixes.Any(s => full == s || full.StartsWith(s.TrimEnd('/') + "/", StringComparison.Ordinal));
                            // Scratch folders (the sandbox's private /tmp and HOME) only matter when a read found nothing:
                            // that is a config or cache the project expected on the author's machine.
                            if (scratch && (ok || isWrite || isDir))
                            {
                                continue;
                            }

                            var a = new OutsideAccess(full, isWrite, ok ? null : err);
                            if (seenOutside.Add(a))
                            {
                                outside.Add(a);
                            }
                        }
                    }

                    break;
            }
        }

        return new AccessTrace("strace", [.. reads], [.. writes], outside, network, executed);
    }

    /// <summary>Whether a write target is a device or process file (/dev/null, /proc/self/…), which are not escapes.</summary>
    public static bool IsDevice(string path) =>
        path.StartsWith("/dev/", StringComparison.Ordinal) || path.StartsWith("/proc/", StringComparison.Ordinal) || path.StartsWith("/sys/", StringComparison.Ordinal);

    private static bool Under(string path, IReadOnlyList<string> prefixes) =>
        prefixes.Any(p => path == p || path.StartsWith(p.TrimEnd('/') + "/", StringComparison.Ordinal));

    /// <summary>The folders of an interpreter's installation: the parent of its bin/ folder, for the path as given and as
    /// resolved through symbolic links (a venv's python links to its base installation). System folders are left out.</summary>
    public static IReadOnlyList<string> InterpreterPrefixes(string python)
    {
        var result = new List<string>();
        void Add(string? exe)
        {
            if (Path.GetDirectoryName(exe) is { } bin && Path.GetFileName(bin) == "bin" && Path.GetDirectoryName(bin) is { Length: > 1 } prefix &&
                !IsSystem(prefix + "/") && !result.Contains(prefix))
            {
                result.Add(prefix);
            }
        }

        if (!Path.IsPathRooted(python))
        {
            return result;
        }

        Add(python);
        try
        {
            Add(new FileInfo(python).ResolveLinkTarget(returnFinalTarget: true)?.FullName);
        }
        catch (IOException)
        {
            // An unreadable link leaves the path as given.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return result;
    }

    /// <summary>Whether a path lies in a system folder (libraries, interpreters, /proc…).</summary>
    public static bool IsSystem(string path) =>
        SystemPrefixes.Any(p => p.EndsWith('/') ? path.StartsWith(p, StringComparison.Ordinal) : path == p);

    private static string? FirstPath(string args)
    {
        var m = s_quoted.Match(args);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static string Resolve(string cwd, string path)
    {
        var full = path.StartsWith('/') ? path : cwd.TrimEnd('/') + "/" + path;
        var parts = new List<string>();
        foreach (var part in full.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else
            {
                parts.Add(part);
            }
        }

        return "/" + string.Join('/', parts);
    }
}
