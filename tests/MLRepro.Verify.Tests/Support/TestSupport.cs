using System.Diagnostics;

namespace MLRepro.Verify.Tests.Support;

/// <summary>A temporary folder deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir(string? parent = null)
    {
        Path = System.IO.Path.Combine(parent ?? System.IO.Path.GetTempPath(), "mlrepro-vtest-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string rel, string content)
    {
        var full = System.IO.Path.Combine(Path, rel);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public string WriteBytes(string rel, byte[] content)
    {
        var full = System.IO.Path.Combine(Path, rel);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    public void Dispose() => Workspace.Delete(Path);
}

/// <summary>Paths and required tools. A missing tool skips a test locally but fails it in CI (env CI set).</summary>
internal static class Env
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        for (var d = AppContext.BaseDirectory; d is not null; d = Path.GetDirectoryName(d))
        {
            if (File.Exists(Path.Combine(d, "mlrepro.slnx")))
            {
                return d;
            }
        }

        throw new InvalidOperationException("mlrepro.slnx not found above the test binaries");
    });

    public const string Python = "/usr/bin/python3";

    public static string Projects => Path.Combine(s_root.Value, "tests", "MLRepro.Verify.Tests", "Fixtures", "Projects");

    public static string Project(string name) => Path.Combine(Projects, name);

    private static readonly Dictionary<string, bool> s_modules = [];

    private static void Missing(string what)
    {
        var reason = $"{what} is not installed (apt-get install bubblewrap strace python3-sklearn python3-torch python3-yaml python3-pandas)";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            throw new InvalidOperationException("required in CI: " + reason);
        }

        Assert.Skip(reason);
    }

    public static void RequireSandbox()
    {
        if (HostTools.Bwrap is null)
        {
            Missing("bubblewrap");
        }

        if (HostTools.Strace is null)
        {
            Missing("strace");
        }
    }

    public static void RequirePython(params string[] modules)
    {
        if (!File.Exists(Python))
        {
            Missing(Python);
        }

        foreach (var m in modules)
        {
            bool ok;
            lock (s_modules)
            {
                if (!s_modules.TryGetValue(m, out ok))
                {
                    // Isolated mode (-I): the working folder is not put on sys.path, so a stray dis.py or numpy/ in the temp
                    // folder cannot shadow the installed module and make it look missing.
                    ok = RunPython($"import {m}", Path.GetTempPath(), isolated: true).ExitCode == 0;
                    s_modules[m] = ok;
                }
            }

            if (!ok)
            {
                Missing("python module " + m);
            }
        }
    }

    public static (int ExitCode, string Output) RunPython(string code, string cwd, bool isolated = false)
    {
        var psi = new ProcessStartInfo(Python) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        if (isolated)
        {
            psi.ArgumentList.Add("-I");
        }

        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(code);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var o = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, o + err.Result);
    }

    /// <summary>Fast options for tests: no fingerprint, one probe.</summary>
    public static VerifyOptions Options(Func<VerifyOptions, VerifyOptions>? change = null)
    {
        var o = new VerifyOptions { Fingerprint = false, ProbeConfig = false, Sandbox = new SandboxOptions { Timeout = TimeSpan.FromMinutes(3) } };
        return change is null ? o : change(o);
    }

    public static RunPlan Cmd(params string[] commands) => new("--cmd", commands, [], [], null);

    public static RunPlan PlanOf(string project)
    {
        var problems = new List<string>();
        return RunPlanResolver.Resolve(project, [], problems) ?? throw new InvalidOperationException("no plan: " + string.Join("; ", problems));
    }
}
