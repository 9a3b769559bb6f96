using System.Diagnostics;
using System.Text;

namespace MLRepro.Catalog.Scanning;

/// <summary>
/// Runs git against untrusted remotes: only the allowed transports (ext:: never), no credential helpers or
/// prompts, no hooks, no submodules, shallow and blob-filtered clones, a wall-clock limit and a size cap that kill
/// the clone when exceeded.
/// </summary>
internal static class GitCloner
{
    /// <summary>How often the clone folder's size is measured.</summary>
    private static readonly TimeSpan SizePollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>The result of one git call.</summary>
    public readonly record struct Result(int ExitCode, string Stdout, string Stderr, string? Failure);

    /// <summary>The commit a remote's HEAD points to (git ls-remote), or a failure reason.</summary>
    public static async Task<(string? Commit, string? Failure)> RemoteHeadAsync(ScanSource source, ScanOptions options, CancellationToken ct)
    {
        var r = await RunAsync(source, options, null, ["ls-remote", "--", GitUrl(source), "HEAD"], ct);
        if (r.Failure is not null)
        {
            return (null, r.Failure);
        }

        var line = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return line is null ? (null, "remote has no HEAD") : (line.Split('\t')[0], null);
    }

    /// <summary>Clones into <paramref name="target"/> (which must not exist); returns a failure reason or null.</summary>
    public static async Task<string?> CloneAsync(ScanSource source, string target, ScanOptions options, CancellationToken ct)
    {
        var r = await RunAsync(
            source,
            options,
            target,
            ["clone", "--quiet", "--depth", "1", "--single-branch", "--no-tags", "--no-recurse-submodules", "--filter=blob:limit=10m", "--", GitUrl(source), target],
            ct);
        return r.Failure;
    }

    /// <summary>HEAD of a local repository, or null when it is not a git work tree.</summary>
    public static async Task<string?> LocalHeadAsync(string path, ScanOptions options, CancellationToken ct)
    {
        var r = await RunAsync(null, options, null, ["-C", path, "rev-parse", "--verify", "--quiet", "HEAD"], ct);
        return r.Failure is null && r.Stdout.Trim() is { Length: 40 or 64 } sha ? sha : null;
    }

    private static string GitUrl(ScanSource s) => s.Canonical;

    private static async Task<Result> RunAsync(ScanSource? source, ScanOptions options, string? watchFolder, IReadOnlyList<string> args, CancellationToken ct)
    {
        var psi = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var c in SafetyConfig(source, options))
        {
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add(c);
        }

        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        // No prompts, no user/system config (credential helpers, url rewrites), no askpass program.
        psi.Environment["GIT_TERMINAL_PROMPT"] = "0";
        psi.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        psi.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        psi.Environment["GIT_ASKPASS"] = "/bin/false";
        psi.Environment["SSH_ASKPASS"] = "/bin/false";
        psi.Environment["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes -o StrictHostKeyChecking=yes";
        psi.Environment["GIT_PROTOCOL_FROM_USER"] = "0";
        psi.Environment["GIT_ALLOW_PROTOCOL"] = string.Join(':', AllowedTransports(source, options));
        psi.Environment["LC_ALL"] = "C";

        Process? p;
        try
        {
            p = Process.Start(psi);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return new Result(-1, string.Empty, string.Empty, "git could not be started: " + e.Message);
        }

        if (p is null)
        {
            return new Result(-1, string.Empty, string.Empty, "git could not be started");
        }

        using (p)
        {
            p.StandardInput.Close();
            var stdout = p.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var stderr = p.StandardError.ReadToEndAsync(CancellationToken.None);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.CloneTimeout);
            string? failure = null;
            var exited = p.WaitForExitAsync(timeout.Token);
            try
            {
                while (!exited.IsCompleted)
                {
                    await Task.WhenAny(exited, Task.Delay(SizePollInterval, timeout.Token)).ConfigureAwait(false);
                    if (watchFolder is not null && !exited.IsCompleted && FolderSize(watchFolder) > options.MaxCloneBytes)
                    {
                        failure = $"clone exceeded the size cap of {options.MaxCloneBytes / (1024 * 1024)} MiB";
                        break;
                    }
                }

                await exited.ConfigureAwait(false);

                // A clone that finished between two polls may still be over the cap.
                if (watchFolder is not null && FolderSize(watchFolder) > options.MaxCloneBytes)
                {
                    failure = $"clone exceeded the size cap of {options.MaxCloneBytes / (1024 * 1024)} MiB";
                }
            }
            catch (OperationCanceledException)
            {
                failure ??= ct.IsCancellationRequested ? "cancelled" : $"git timed out after {options.CloneTimeout.TotalSeconds:0} s";
            }

            if (failure is not null)
            {
                try
                {
                    if (!p.HasExited)
                    {
                        p.Kill(entireProcessTree: true);
                    }
                }
                catch (InvalidOperationException)
                {
                }

                await p.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                return new Result(-1, string.Empty, string.Empty, failure);
            }

            var err = await stderr.ConfigureAwait(false);
            var output = await stdout.ConfigureAwait(false);
            return p.ExitCode == 0
                ? new Result(0, output, err, null)
                : new Result(p.ExitCode, output, err, "git failed: " + FirstLine(err, p.ExitCode));
        }
    }

    private static string FirstLine(string stderr, int exitCode)
    {
        var line = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(l => l.StartsWith("fatal:", StringComparison.Ordinal) || l.StartsWith("error:", StringComparison.Ordinal))
            ?? stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return line ?? $"exit code {exitCode}";
    }

    private static IEnumerable<string> AllowedTransports(ScanSource? source, ScanOptions options) =>
        options.AllowedProtocols.Where(p => p != "local" && ScanSource.KnownProtocols.Contains(p)).Order(StringComparer.Ordinal);

    private static IEnumerable<string> SafetyConfig(ScanSource? source, ScanOptions options)
    {
        yield return "protocol.ext.allow=never";
        yield return "protocol.allow=never";
        foreach (var p in AllowedTransports(source, options))
        {
            yield return $"protocol.{p}.allow=always";
        }

        yield return "credential.helper=";
        yield return "core.askPass=/bin/false";
        yield return "core.hooksPath=/dev/null";
        yield return "core.fsmonitor=false";
        yield return "submodule.recurse=false";
        yield return "uploadpack.allowFilter=true";
        yield return "http.followRedirects=initial";
        yield return "safe.directory=*";
    }

    private static long FolderSize(string path)
    {
        try
        {
            return Directory.Exists(path)
                ? new DirectoryInfo(path).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true }).Sum(f => f.Length)
                : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
