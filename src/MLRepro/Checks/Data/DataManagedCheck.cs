using MLRepro.Analysis;
using MLRepro.Checks.Code;
using MLRepro.Findings;
using MLRepro.Formats.DataTracking;
using MLRepro.Model;

namespace MLRepro.Checks.Data;

/// <summary>data.managed — the dataset is managed with the code and retrievable from the project's context.</summary>
public sealed class DataManagedCheck : CheckBase
{
    /// <inheritdoc />
    public override CheckInfo Info { get; } = new(
        "data.managed",
        StarLevel.Data,
        "Data managed with the code",
        "The dataset is managed with the code — pre-downloaded or streamed, but retrievable from the project's context so an end-to-end " +
        "run is easy. For append-only tabular data, the query and time filter that produced the training subset can be enough.",
        "Met when the data the code reads is committed, tracked by DVC (with a remote), Git LFS, lakeFS or Dolt, or fetched by code or " +
        "a script from a stable id (Hugging Face, Kaggle, a built-in loader that downloads, a URL), including an id a config gives the loader " +
        "(load_dataset(cfg[\"data\"][\"dataset\"])). A URL only in the README (a link or a wget command), a built-in " +
        "dataset the code does not download (torchvision's download=False) or an input linked by a readme next to the script is Partial; " +
        "data that exists only on the author's machine (git-ignored, untracked, absolute paths) is NotMet. A committed file the code reads as " +
        "its input counts whatever its extension (names.txt given as an option's default). DVC-tracked data whose remote needs the owner's " +
        "credentials (s3, gs, azure, ssh without allow_anonymous_login), when nothing else ships or fetches it, is Partial; downloads of model " +
        "weights (a .pth URL, gdown to a model path) are not data, and neither are the sources of vendored copies of other projects (a " +
        "sub-folder of code with its own licence file).",
        "Track the dataset with DVC (`dvc add data/`, `dvc remote add -d …`, commit the .dvc file) or Git LFS, or add a download " +
        "script that fetches a fixed version.",
        [],
        ProvenOnlyByRunning: false);

    /// <inheritdoc />
    public override Finding Run(ProjectModel project)
    {
        var data = project.Data;
        var tracking = project.DataTracking;
        var evidence = new List<Evidence>();
        var optional = data.InputReads.Where(r => CodeExampleInputCheck.IsUserDataOption(project, r)).ToList();
        var against = data.InputReads.Where(r => r.Status is DataPathStatus.Absolute or DataPathStatus.Missing or DataPathStatus.LocalOnly && !optional.Contains(r))
            .Select(r => Evidence.At(r.Path, r.Line, r.Status switch
            {
                DataPathStatus.Absolute => $"reads {r.Literal} from an absolute path outside the project",
                DataPathStatus.LocalOnly => $"reads {r.Literal}, which is git-ignored or untracked and not tracked by DVC/LFS",
                _ => $"reads {r.Literal}, which nothing in the project provides",
            }, $"{r.Function}({r.Argument})")).ToList();

        var committed = data.CommittedDataFiles.ToList();
        if (committed.Count > 0)
        {
            evidence.Add(Evidence.At(committed[0].Path, null, $"{Count(committed.Count, "data file")} committed ({CodeExampleInputCheck.Bytes(committed.Sum(f => f.Size))})"));
        }

        // A committed file the code reads as its input is data kept with the code, whatever its extension (names.txt).
        var readCommitted = data.InputReads.Where(r => r.Status == DataPathStatus.Committed && !committed.Any(f => f.Path == r.Literal)).ToList();
        evidence.AddRange(readCommitted.Take(3).Select(r => Evidence.At(r.Path, r.Line, $"reads {r.Literal}, committed with the code", $"{r.Function}({r.Argument})")));

        var dvcFiles = project.DvcFiles.Where(f => f.Outs.Count > 0 || f.Deps.Count > 0).ToList();
        var dvcTracked = tracking.DvcOuts.Length + dvcFiles.Count;
        if (dvcTracked > 0)
        {
            var remote = project.DvcConfig?.DefaultRemote ?? project.DvcConfig?.Remotes.FirstOrDefault()?.Name;
            var where = dvcFiles.Count > 0 ? dvcFiles[0].Path : tracking.DvcOuts[0].Source;
            evidence.Add(Evidence.At(where, null, $"{Count(dvcTracked, "path")} tracked by DVC{(remote is null ? " (no DVC remote configured: others cannot pull the data)" : $", remote '{remote}'")}"));
            if (remote is null && committed.Count == 0 && !project.Pipelines.Any(p => p.Tool == PipelineTool.Dvc))
            {
                against.Add(Evidence.At(".dvc/config", null, "no DVC remote is configured, so `dvc pull` cannot fetch the tracked data"));
            }
        }

        if (tracking.LfsPointers.Length > 0 || tracking.LfsPatterns.Length > 0)
        {
            evidence.Add(Evidence.At(tracking.LfsPatterns.FirstOrDefault()?.File ?? tracking.LfsPointers[0].Path, tracking.LfsPatterns.FirstOrDefault()?.Line, "Git LFS tracks data files"));
        }

        var notFetched = CodeExampleInputCheck.NotDownloaded(data);
        var codeSources = data.Sources.Where(s => s.Kind != DataSourceKind.HuggingFaceModel && !s.Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !notFetched.Contains((s.Path, s.Value))).ToList();
        var docSources = data.Sources.Where(s => s.Kind != DataSourceKind.HuggingFaceModel && s.Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)).ToList();
        var userFetched = data.StandardDatasets.GroupBy(u => u.Name).Where(g => g.All(u => !u.Downloads)).Select(g => g.First())
            .Select(u => Evidence.At(u.Path, u.Line, $"standard dataset {u.Name}, not downloaded by the code (download=False)"))
            .Concat(data.DocumentedInputs.Select(d => Evidence.At(d.Doc, d.Line, $"the readme next to {d.Read.Path} links {d.Read.Literal}; nothing fetches it")))
            .ToList();
        evidence.AddRange(codeSources.Take(5).Select(s => Evidence.At(s.Path, s.Line, $"fetched by code: {CodeExampleInputCheck.Describe(s.Kind)} {s.Value}", s.Snippet)));
        evidence.AddRange(tracking.DownloadScripts.Take(3).Select(p => Evidence.At(p, null, "download script")));
        evidence.AddRange(tracking.LakeFsConfigs.Select(p => Evidence.At(p, null, "lakeFS configuration")));
        evidence.AddRange(tracking.DoltRepos.Select(p => Evidence.At(p, null, "Dolt repository")));

        // A dataset the code fetches by an id that a config names (load_dataset(cfg["data"]["dataset"])): no literal source, but
        // the default run retrieves it all the same.
        var remoteReads = data.InputReads.Where(r => r.Status == DataPathStatus.Remote && !codeSources.Any(s => s.Value == r.Literal)).ToList();
        evidence.AddRange(remoteReads.Take(3).Select(r => Evidence.At(r.Path, r.Line, $"fetched by code: {r.Literal}", $"{r.Function}({r.Argument})")));
        var managed = committed.Count > 0 || readCommitted.Count > 0 || dvcTracked > 0 || tracking.LfsPointers.Length > 0 || codeSources.Count > 0 || tracking.DownloadScripts.Length > 0
            || tracking.LakeFsConfigs.Length > 0 || tracking.DoltRepos.Length > 0 || remoteReads.Count > 0;
        if (!managed)
        {
            against.AddRange(optional.Select(r => Evidence.At(r.Path, r.Line, $"reads {r.Literal ?? r.Argument}, which nothing in the project provides", $"{r.Function}({r.Argument})")));
        }

        if (!managed && userFetched.Count > 0)
        {
            return Found(Outcome.Partial, "the data is a standard or documented dataset, but the user must fetch it by hand.", userFetched.Concat(against),
                "Download it in code (torchvision's download=True) or add a download script or DVC import.");
        }

        if (!managed && docSources.Count > 0)
        {
            return Found(Outcome.Partial, "the data is only described by a link in the documentation; nothing fetches it.",
                docSources.Take(5).Select(s => Evidence.At(s.Path, s.Line, $"documented source: {s.Value}", s.Snippet)).Concat(against),
                "Add a download script (or DVC import) that fetches exactly that version of the data.");
        }

        if (!managed)
        {
            return Found(Outcome.NotMet, "the dataset is not managed with the code.",
                against.Count > 0 ? against : [Evidence.Repo($"no committed data, DVC/LFS tracking, download script or dataset id in {Count(project.Index.Files.Length, "file")}")]);
        }

        if (against.Count > 0)
        {
            return Found(Outcome.Partial, "some data is managed, but the code also reads data that only the author has.", against.Concat(evidence));
        }

        // Committed results of pipeline stages (a feature-importance plot's CSV) are outputs, not the input.
        if (!committed.Any(f => !data.ProducedPaths.Any(o => DataAnalysis.Covers(o, f.Path))) && readCommitted.Count == 0 && codeSources.Count == 0 && tracking.DownloadScripts.Length == 0 && tracking.LfsPointers.Length == 0
            && tracking.LakeFsConfigs.Length == 0 && tracking.DoltRepos.Length == 0 && CodeExampleInputCheck.CredentialedDvcRemote(project) is { } privateRemote)
        {
            return Found(Outcome.Partial, "the data is tracked by DVC, but its remote needs the owner's credentials, so others cannot pull it.", [privateRemote, .. evidence],
                "Give the DVC remote a public (HTTPS) address, or add a download script (or a DVC import) that others can run.");
        }

        return Found(Outcome.Met, "the data is retrievable from the project.", evidence);
    }
}
