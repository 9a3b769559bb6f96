using System.CommandLine;
using MLRepro.Assessment;
using MLRepro.Checks;
using MLRepro.Indexing;
using MLRepro.Reporting;

namespace MLRepro.Cli.Commands;

/// <summary>`mlrepro check PATH`: the static assessment.</summary>
internal static class CheckCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("path") { Description = "Project folder to check.", DefaultValueFactory = _ => "." };
        var format = new Option<string>("--format", "-f") { Description = "Output format: text, json, markdown (REPRODUCIBILITY.md), sarif or html.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(ReportFormats.Names);
        var minStars = new Option<int?>("--min-stars") { Description = "Exit with code 1 when the project holds fewer stars (0-5)." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Show every piece of evidence and every diagnostic." };
        var list = new Option<bool>("--list") { Description = "List the criteria and their ids, then exit." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var verification = new Option<string?>("--verification") { Description = "Merge a record written by `mlrepro verify --out FILE` (verified findings override found ones)." };
        var noCache = new Option<bool>("--no-cache") { Description = $"Do not read or write the cache of summaries and assessments (also: {MLRepro.Caching.SummaryCache.DisableVariable}=1)." };
        var cacheDir = new Option<string?>("--cache-dir") { Description = "Cache folder (default: $XDG_CACHE_HOME/mlrepro, else ~/.cache/mlrepro; never inside the project)." };
        var cmd = new Command("check", "Rate a project on the five-star ML Reproducibility Scale by reading it (its code is never run).")
        {
            path, format, minStars, verbose, list, output, verification, noCache, cacheDir,
        };
        cmd.SetAction(r =>
        {
            if (r.GetValue(list))
            {
                foreach (var c in CheckRegistry.All)
                {
                    stdout.WriteLine($"{c.Info.Id,-22} ★{(int)c.Info.Level} {c.Info.Title}");
                }

                return CliApp.ExitOk;
            }

            var root = r.GetValue(path)!;
            if (!Directory.Exists(root))
            {
                stderr.WriteLine($"mlrepro: '{root}' is not a folder");
                return CliApp.ExitUsage;
            }

            var min = r.GetValue(minStars);
            if (min is < 0 or > 5)
            {
                stderr.WriteLine("mlrepro: --min-stars must be between 0 and 5");
                return CliApp.ExitUsage;
            }

            var cache = r.GetValue(noCache) ? null : MLRepro.Caching.SummaryCache.For(root, r.GetValue(cacheDir));
            // Whole assessments are cached beside the summaries: an unchanged tree (and record) is only walked and hashed.
            Func<Report> assess = () => Assessor.Assess(root, null, cache);
            var inputs = new List<KeyValuePair<string, byte[]>>();
            if (r.GetValue(verification) is { } recordPath)
            {
                MLRepro.Verify.VerificationRecord? record;
                try
                {
                    inputs.Add(new("verification record", File.ReadAllBytes(recordPath)));
                    inputs.Add(new("verify build", typeof(MLRepro.Verify.VerificationMerge).Assembly.ManifestModule.ModuleVersionId.ToByteArray()));
                    record = MLRepro.Verify.VerificationRecord.Load(recordPath);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or NotSupportedException)
                {
                    stderr.WriteLine($"mlrepro: cannot read verification record {recordPath}: {e.Message}");
                    return CliApp.ExitUsage;
                }

                if (record is null)
                {
                    stderr.WriteLine($"mlrepro: {recordPath} is not a verification record");
                    return CliApp.ExitUsage;
                }

                assess = () => MLRepro.Verify.VerificationMerge.Assess(MLRepro.Model.ProjectModel.Open(root, null, cache), record);
            }

            var report = cache is null ? assess() : MLRepro.Caching.AssessmentCache.Beside(cache).GetOrAssess(root, null, inputs, assess);
            var reporter = ReportFormats.Create(r.GetValue(format)!, r.GetValue(verbose), r.GetValue(output));
            Emit(reporter, report, r.GetValue(output), stdout);
            if (min is { } m && report.Stars < m)
            {
                stderr.WriteLine($"mlrepro: {report.Stars} star(s), below the required {m}");
                return CliApp.ExitFailed;
            }

            return CliApp.ExitOk;
        });
        return cmd;
    }

    /// <summary>Writes a report to a file or stdout.</summary>
    public static void Emit(IReporter reporter, Report report, string? output, TextWriter stdout)
    {
        if (output is null)
        {
            reporter.Write(report, stdout);
            return;
        }

        using var w = new StreamWriter(output, append: false, new System.Text.UTF8Encoding(false));
        reporter.Write(report, w);
    }
}

/// <summary>Terminal facts: colour (a terminal, NO_COLOR unset) and width.</summary>
internal static class Terminal
{
    public static bool UseColor(string? output) =>
        output is null && !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    public static int Width()
    {
        try
        {
            return Console.IsOutputRedirected ? 110 : Math.Clamp(Console.WindowWidth, 60, 200);
        }
        catch (IOException)
        {
            return 110;
        }
    }
}
