using AwesomeAssertions;
using System.Diagnostics;
using MLRepro.Tests.Support;

namespace MLRepro.Cli.Tests.Dist;

/// <summary>Runs the built CLI and the ci/ scripts as real processes, the way CI systems run them.</summary>
internal static class DistSupport
{
    public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr);

    /// <summary>The CLI the test project was built against (src/MLRepro.Cli/bin/CONFIG/net10.0/mlrepro.dll).</summary>
    public static string MlreproDll
    {
        get
        {
            // The test binaries sit in bin/CONFIG/TFM; the CLI was built in the same configuration.
            var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var config = tfmDir.Parent!.Name;
            var dll = Path.Combine(TestPaths.RepoRoot, "src", "MLRepro.Cli", "bin", config, tfmDir.Name, "mlrepro.dll");
            File.Exists(dll).Should().BeTrue($"the CLI is built with the tests ({dll})");
            return dll;
        }
    }

    /// <summary>How to run the built CLI from a shell (the MLREPRO variable of the CI scripts).</summary>
    public static string MlreproCommand => "dotnet " + MlreproDll;

    /// <summary>Runs a program with arguments and extra environment variables; NO_COLOR keeps output plain.</summary>
    public static ProcessResult Run(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null, string? workingDirectory = null, string? stdin = null, int timeoutSeconds = 300)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            WorkingDirectory = workingDirectory ?? TestPaths.RepoRoot,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["NO_COLOR"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        using var p = Process.Start(psi)!;
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }

        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} ran over {timeoutSeconds} s");
        }

        return new ProcessResult(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs a bash script of the repository.</summary>
    public static ProcessResult Bash(string script, IReadOnlyDictionary<string, string>? env = null, params string[] args) =>
        Run("bash", [Path.Combine(TestPaths.RepoRoot, script), .. args], env);
}
