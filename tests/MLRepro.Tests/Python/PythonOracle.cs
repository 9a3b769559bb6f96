using System.Diagnostics;
using System.Text.Json;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Python;

/// <summary>Runs CPython (Debian's /usr/bin/python3, else python3 on PATH) for the differential tests.</summary>
internal static class PythonOracle
{
    public static string? Interpreter { get; } = new[] { "/usr/bin/python3" }.FirstOrDefault(File.Exists) ?? FindOnPath("python3");

    public static string ScriptsDir => Path.Combine(TestPaths.RepoRoot, "tests", "MLRepro.Tests", "Python");

    private static string? FindOnPath(string exe) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Select(d => Path.Combine(d, exe)).FirstOrDefault(File.Exists);

    /// <summary>Runs a script with stdin and returns stdout (throws when the interpreter fails).</summary>
    public static string Run(string script, string stdin, params string[] args)
    {
        var psi = new ProcessStartInfo(Interpreter ?? throw new InvalidOperationException("python3 not found"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add(Path.Combine(ScriptsDir, script));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["PYTHONIOENCODING"] = "utf-8";
        using var p = Process.Start(psi)!;
        var errTask = p.StandardError.ReadToEndAsync();
        var outTask = p.StandardOutput.ReadToEndAsync();
        p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed: {errTask.Result}");
        }

        return outTask.Result;
    }

    /// <summary>The stdlib folder of the interpreter.</summary>
    public static string Stdlib() => Run("stdlib_path.py", string.Empty).Trim();

    public sealed record OracleFile(string Path, bool Ok, string[] Imports, string[] Calls);

    public static List<OracleFile> Summaries(IEnumerable<string> files)
    {
        var output = Run("ast_oracle.py", string.Join('\n', files) + "\n");
        var list = new List<OracleFile>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            var ok = r.GetProperty("ok").GetBoolean();
            list.Add(new OracleFile(
                r.GetProperty("path").GetString()!,
                ok,
                ok ? [.. r.GetProperty("imports").EnumerateArray().Select(e => e.GetString()!)] : [],
                ok ? [.. r.GetProperty("calls").EnumerateArray().Select(e => e.GetString()!)] : []));
        }

        return list;
    }
}
