using MLRepro.Analysis;
using MLRepro.Findings;
using MLRepro.Formats.DataTracking;
using MLRepro.Model;

namespace MLRepro.Checks.Code;

/// <summary>code.example-input — there is an example input the code runs on.</summary>
public sealed class CodeExampleInputCheck : CheckBase
{
    /// <inheritdoc />
    public override CheckInfo Info { get; } = new(
        "code.example-input",
        StarLevel.Code,
        "Example input available",
        "There is an example input the code runs on: a dataset saved in, or downloadable by, the project (for an object-detection " +
        "project, some images the model runs on).",
        "Looks for data committed to git, tracked by DVC or Git LFS, or retrievable (a DVC remote, a download script, a data URL, a " +
        "Hugging Face or Kaggle dataset id, a built-in dataset loader such as sklearn.datasets or torchvision.datasets). Reads of " +
        "absolute paths (/home/…, C:\\…, /kaggle/input, /content/drive) and of files that nothing provides count against it.",
        "Commit a small sample of the input (or track it with DVC or Git LFS, with a remote), or add a download script, and read " +
        "it through a relative path.",
        [],
        ProvenOnlyByRunning: false);

    /// <inheritdoc />
    public override Finding Run(ProjectModel project)
    {
        var data = project.Data;
        var tracking = project.DataTracking;
        var evidence = new List<Evidence>();
        var against = new List<Evidence>();
        foreach (var r in data.Reads)
        {
            switch (r.Status)
            {
                case DataPathStatus.Absolute:
                    against.Add(Evidence.At(r.Path, r.Line, $"reads {r.Literal}, an absolute path that exists only on the author's machine", $"{r.Function}({r.Argument})"));
                    break;
                case DataPathStatus.Missing:
                    against.Add(Evidence.At(r.Path, r.Line, $"reads {r.Literal}, which is not in the project, not tracked and not produced by any stage", $"{r.Function}({r.Argument})"));
                    break;
                case DataPathStatus.LocalOnly:
                    against.Add(Evidence.At(r.Path, r.Line, $"reads {r.Literal}, which is git-ignored or untracked and not tracked by DVC or LFS", $"{r.Function}({r.Argument})"));
                    break;
                case DataPathStatus.Committed or DataPathStatus.Tracked or DataPathStatus.Remote:
                    evidence.Add(Evidence.At(r.Path, r.Line, $"reads {r.Literal} ({Describe(r.Status!.Value)})", $"{r.Function}({r.Argument})"));
                    break;
            }
        }

        var committed = data.CommittedDataFiles.ToList();
        if (committed.Count > 0)
        {
            evidence.Add(Evidence.At(committed[0].Path, null, $"{Count(committed.Count, "data file")} committed with the code ({Bytes(committed.Sum(f => f.Size))})"));
        }

        evidence.AddRange(data.TrackedPaths.Take(5).Select(p => Evidence.At(p, null, "tracked by DVC or Git LFS")));
        var retrievable = tracking.Sources.Where(s => s.Kind is not DataSourceKind.HuggingFaceModel).ToList();
        evidence.AddRange(retrievable.Take(5).Select(s => Evidence.At(s.Path, s.Line, $"retrievable: {Describe(s.Kind)} {s.Value}", s.Snippet)));
        evidence.AddRange(tracking.DownloadScripts.Take(3).Select(p => Evidence.At(p, null, "download script")));

        var hasInput = committed.Count > 0 || data.TrackedPaths.Length > 0 || retrievable.Count > 0 || tracking.DownloadScripts.Length > 0
            || data.Reads.Any(r => r.Status is DataPathStatus.Committed or DataPathStatus.Tracked or DataPathStatus.Remote);
        if (against.Count > 0)
        {
            return Found(hasInput ? Outcome.Partial : Outcome.NotMet,
                hasInput ? "some input is available, but the code also reads data that a fresh clone does not have." : "the input the code reads is not available from the project.",
                against.Concat(evidence));
        }

        if (!hasInput && data.Reads.Length == 0)
        {
            return Found(Outcome.Inconclusive, "the code reads no data file that mlrepro could trace, and the project ships none: it may generate its input, or load it in a way only a run shows.",
                Evidence.Repo($"searched {Count(project.PythonModules.Count, "Python module")} for data reads and {Count(project.Index.Files.Length, "file")} for committed, DVC- or LFS-tracked data, download scripts and dataset ids"));
        }

        if (!hasInput)
        {
            return Found(Outcome.NotMet, "no example input was found.",
                Evidence.Repo($"searched {Count(project.Index.Files.Length, "file")} for committed, DVC- or LFS-tracked data, download scripts, data URLs and dataset ids"));
        }

        return Found(Outcome.Met, "an example input is available with the project.", evidence);
    }

    internal static string Describe(DataPathStatus s) => s switch
    {
        DataPathStatus.Committed => "committed",
        DataPathStatus.Tracked => "tracked by DVC or LFS",
        DataPathStatus.Produced => "produced by a pipeline stage",
        DataPathStatus.Remote => "a remote location",
        _ => s.ToString(),
    };

    internal static string Describe(DataSourceKind k) => k switch
    {
        DataSourceKind.StandardDataset => "built-in dataset",
        DataSourceKind.HuggingFaceDataset => "Hugging Face dataset",
        DataSourceKind.KaggleDataset or DataSourceKind.KaggleCompetition => "Kaggle",
        DataSourceKind.DvcGet => "dvc get/import",
        DataSourceKind.LakeFs => "lakeFS",
        DataSourceKind.Dolt => "Dolt",
        DataSourceKind.ObjectStore => "object store",
        _ => "download",
    };

    internal static string Bytes(long n) => n switch
    {
        < 1024 => $"{n} B",
        < 1024 * 1024 => $"{n / 1024.0:0.#} KiB",
        < 1024L * 1024 * 1024 => $"{n / 1024.0 / 1024:0.#} MiB",
        _ => $"{n / 1024.0 / 1024 / 1024:0.#} GiB",
    };
}
