using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MLRepro.Verify;

/// <summary>The machine and software a verification ran on.</summary>
/// <param name="Os">PRETTY_NAME from /etc/os-release.</param>
/// <param name="Kernel">Kernel release.</param>
/// <param name="Cpu">CPU model name.</param>
/// <param name="CpuCount">Logical CPUs.</param>
/// <param name="Gpu">nvidia-smi's GPU names and driver, or null.</param>
/// <param name="Python">The interpreter used and its version.</param>
/// <param name="Packages">NAME==VERSION of every installed distribution, as `pip list --format=freeze` prints them (from importlib.metadata; from pip on Python &lt; 3.8).</param>
/// <param name="EnvironmentVariables">Relevant variables of the caller's environment (CUDA, threads, Python).</param>
public sealed record EnvironmentFingerprint(string Os, string Kernel, string Cpu, int CpuCount, string? Gpu, string Python,
    IReadOnlyList<string> Packages, IReadOnlyDictionary<string, string> EnvironmentVariables)
{
    /// <summary>Environment variables recorded when set.</summary>
    public static readonly IReadOnlyList<string> RelevantVariables =
    [
        "CUDA_VISIBLE_DEVICES", "CUBLAS_WORKSPACE_CONFIG", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS",
        "PYTHONHASHSEED", "PYTHONPATH", "VIRTUAL_ENV", "CONDA_DEFAULT_ENV",
    ];

    /// <summary>
    /// Prints the interpreter and its version, then NAME==VERSION per installed distribution as `pip list --format=freeze`
    /// does: the first distribution of a name on sys.path wins (pip and Debian can leave both an .egg-info and a
    /// .dist-info of one package), names compared in PEP 503 normalized form.
    /// </summary>
    internal const string PackagesScript =
        "import sys, re\n" +
        "print(sys.executable, sys.version.split()[0])\n" +
        "import importlib.metadata as m\n" +
        "seen = set()\n" +
        "for d in m.distributions():\n" +
        "    name = d.metadata['Name']\n" +
        "    key = re.sub(r'[-_.]+', '-', (name or '').lower())\n" +
        "    if name and key not in seen:\n" +
        "        seen.add(key)\n" +
        "        print(f'{name}=={d.version}')\n";

    /// <summary>Collects the fingerprint for an interpreter. Missing tools leave their field empty.</summary>
    public static EnvironmentFingerprint Collect(string python)
    {
        var os = "unknown";
        try
        {
            var line = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
            os = line?["PRETTY_NAME=".Length..].Trim('"') ?? RuntimeInformation.OSDescription;
        }
        catch (IOException)
        {
            os = RuntimeInformation.OSDescription;
        }

        var kernel = "unknown";
        try
        {
            kernel = File.ReadAllText("/proc/sys/kernel/osrelease").Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            kernel = Exec("uname", ["-r"])?.Trim() ?? kernel;
        }

        var cpu = "unknown";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (IOException)
        {
        }

        var gpu = HostTools.Find("nvidia-smi") is { } smi ? Exec(smi, ["--query-gpu=name,driver_version,memory.total", "--format=csv,noheader"])?.Trim() : null;
        // One interpreter start for the version and the packages. `pip list` imports pip (0.6-1 s here, the largest fixed cost
        // of a verification); importlib.metadata lists the same distributions in about 0.1 s.
        var lines = Exec(python, ["-c", PackagesScript])?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string version;
        List<string> packages;
        if (lines is { Length: > 0 })
        {
            version = lines[0];
            packages = [.. lines.Skip(1).Order(StringComparer.OrdinalIgnoreCase)];
        }
        else
        {
            // Python < 3.8 has no importlib.metadata: ask pip.
            version = Exec(python, ["-c", "import sys; print(sys.executable, sys.version.split()[0])"])?.Trim() ?? python + " (not runnable)";
            var freeze = Exec(python, ["-m", "pip", "list", "--format=freeze", "--disable-pip-version-check"]);
            packages = freeze?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.OrdinalIgnoreCase).ToList() ?? [];
        }

        var vars = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var v in RelevantVariables)
        {
            if (Environment.GetEnvironmentVariable(v) is { } val)
            {
                vars[v] = val;
            }
        }

        return new EnvironmentFingerprint(os, kernel, cpu, Environment.ProcessorCount, string.IsNullOrEmpty(gpu) ? null : gpu, version, packages, vars);
    }

    private static string? Exec(string file, string[] args)
    {
        try
        {
            var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in args)
            {
                psi.ArgumentList.Add(a);
            }

            using var p = Process.Start(psi);
            if (p is null)
            {
                return null;
            }

            var err = p.StandardError.ReadToEndAsync();
            var o = p.StandardOutput.ReadToEnd();
            if (!p.WaitForExit(30_000))
            {
                p.Kill(true);
                return null;
            }

            _ = err.Result;
            return p.ExitCode == 0 ? o : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
