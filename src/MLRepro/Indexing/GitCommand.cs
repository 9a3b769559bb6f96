using System.Diagnostics;
using System.Text;

namespace MLRepro.Indexing;

/// <summary>
/// Runs read-only git plumbing against a repository we must not trust. A hostile repository can name
/// programs in its own .git/config (fsmonitor, clean/process filters) that git would execute; every
/// call switches those off, so indexing never runs code from the scanned project.
/// </summary>
internal static class GitCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Whether git is installed (cached).</summary>
    public static bool IsAvailable => s_available.Value;

    private static readonly Lazy<bool> s_available = new(() => Run(Environment.CurrentDirectory, [], ["--version"]).ExitCode == 0);

    /// <summary>The result of a git call.</summary>
    public readonly record struct Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs git with safety overrides; never throws (a missing git gives exit code -1).</summary>
    public static Result Run(string workDir, IReadOnlyList<string> extraConfig, IReadOnlyList<string> args)
    {
        try
        {
            var psi = new ProcessStartInfo("git")
            {
                WorkingDirectory = workDir,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
            };
            foreach (var c in SafetyConfig.Concat(extraConfig))
            {
                psi.ArgumentList.Add("-c");
                psi.ArgumentList.Add(c);
            }

            foreach (var a in args)
            {
                psi.ArgumentList.Add(a);
            }

            psi.Environment["GIT_TERMINAL_PROMPT"] = "0";
            psi.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
            psi.Environment["GIT_OPTIONAL_LOCKS"] = "0"; // never write .git/index from a read-only scan
            psi.Environment["LC_ALL"] = "C";
            using var p = Process.Start(psi);
            if (p is null)
            {
                return new Result(-1, string.Empty, "git could not be started");
            }

            p.StandardInput.Close();
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(Timeout))
            {
                try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                return new Result(-1, string.Empty, "git timed out");
            }

            return new Result(p.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return new Result(-1, string.Empty, e.Message);
        }
    }

    /// <summary>Overrides that stop git from running anything a repository configures.</summary>
    private static readonly string[] SafetyConfig =
    [
        "core.fsmonitor=false",
        "core.untrackedCache=false",
        "core.hooksPath=/dev/null",
        "safe.directory=*",
        "protocol.ext.allow=never",
        "core.quotePath=false",
    ];

    /// <summary>
    /// Reads the repository's own filter drivers (reading config runs nothing) and returns overrides that
    /// blank them, so a status check never pipes files through a program the repository names.
    /// </summary>
    public static IReadOnlyList<string> FilterOverrides(string workDir)
    {
        var r = Run(workDir, [], ["config", "--get-regexp", @"^filter\..*\.(clean|smudge|process)$"]);
        if (r.ExitCode != 0)
        {
            return [];
        }

        var list = new List<string>();
        foreach (var line in r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = line.Split(' ', 2)[0];
            list.Add(key + "=");
        }

        return list;
    }
}
