using System.Text.Json;
using System.Text.Json.Serialization;
using MLRepro.Verify.Comparators;

namespace MLRepro.Verify;

/// <summary>One run of the plan.</summary>
/// <param name="Name">"run 1", "run 2", "isolate HashSeed", "probe train.epochs", …</param>
/// <param name="Variations">Variations applied relative to run 1.</param>
/// <param name="Settings">The run's environment settings.</param>
/// <param name="ExitCode">Exit status (137 when killed).</param>
/// <param name="TimedOut">Killed by the time limit.</param>
/// <param name="DurationSeconds">Wall-clock seconds.</param>
/// <param name="StdoutTail">End of standard output.</param>
/// <param name="StderrTail">End of standard error.</param>
/// <param name="Trace">What the run read and wrote.</param>
/// <param name="InputHashes">Hashes of the project files the run read (all files when untraced), taken before the run.</param>
/// <param name="Outputs">Files the run created or changed (project-relative) with their hashes.</param>
public sealed record RunRecord(string Name, IReadOnlyList<Variation> Variations, RunSettings Settings, int ExitCode, bool TimedOut, double DurationSeconds,
    string StdoutTail, string StderrTail, AccessTrace Trace, IReadOnlyDictionary<string, string> InputHashes, IReadOnlyDictionary<string, string> Outputs)
{
    /// <summary>Exit 0 and not killed.</summary>
    [JsonIgnore]
    public bool Succeeded => ExitCode == 0 && !TimedOut;
}

/// <summary>A comparison between two runs.</summary>
/// <param name="A">First run's name.</param>
/// <param name="B">Second run's name.</param>
/// <param name="Files">Per output file.</param>
public sealed record RunComparison(string A, string B, IReadOnlyList<FileComparison> Files)
{
    /// <summary>All outputs reproduced (identical, equivalent or within tolerance).</summary>
    [JsonIgnore]
    public bool Reproduced => Files.All(f => f.Reproduced);

    /// <summary>The outputs that differ.</summary>
    [JsonIgnore]
    public IEnumerable<FileComparison> Differing => Files.Where(f => !f.Reproduced);
}

/// <summary>What `--isolate` found for one variation.</summary>
/// <param name="Variation">The variation applied alone (null for the control run with none).</param>
/// <param name="ChangesOutputs">Whether outputs differ from run 1.</param>
/// <param name="DifferingOutputs">The differing outputs.</param>
public sealed record IsolationResult(Variation? Variation, bool ChangesOutputs, IReadOnlyList<string> DifferingOutputs);

/// <summary>The result of changing one config value.</summary>
/// <param name="File">Params file.</param>
/// <param name="Key">Key path.</param>
/// <param name="OldValue">Value before.</param>
/// <param name="NewValue">Value after.</param>
/// <param name="Applied">Whether the key was found and rewritten.</param>
/// <param name="RunSucceeded">Whether the mutated run exited 0.</param>
/// <param name="ChangedOutputs">Whether any output differs from run 1.</param>
/// <param name="DifferingOutputs">The outputs that changed.</param>
/// <param name="FileOpened">Whether the run opened the params file (null when untraced).</param>
/// <param name="Deterministic">With --deep: whether two runs of the mutated config agreed (null when not checked).</param>
public sealed record ProbeResult(string File, string Key, string OldValue, string NewValue, bool Applied, bool RunSucceeded, bool ChangedOutputs,
    IReadOnlyList<string> DifferingOutputs, bool? FileOpened, bool? Deterministic)
{
    /// <summary>Changing the value changed nothing observable.</summary>
    [JsonIgnore]
    public bool NoObservableEffect => Applied && RunSucceeded && !ChangedOutputs;
}

/// <summary>Sandbox facts and what it blocked.</summary>
/// <param name="Mode">"bubblewrap" or "none (--no-sandbox)".</param>
/// <param name="Network">Whether the network was allowed.</param>
/// <param name="MemoryBytes">Memory limit (prlimit --data).</param>
/// <param name="TimeoutSeconds">Time limit per run.</param>
/// <param name="Traced">Whether strace recorded accesses (of at least one run).</param>
/// <param name="BlockedAttempts">Accesses that failed in the sandbox: writes outside the copy, reads of masked or absent outside files, connections.</param>
/// <param name="Tracer">"strace --seccomp-bpf" or "strace" (null when untraced).</param>
/// <param name="TracedRuns">The names of the runs whose accesses were traced.</param>
public sealed record SandboxReport(string Mode, bool Network, long? MemoryBytes, double TimeoutSeconds, bool Traced, IReadOnlyList<string> BlockedAttempts,
    string? Tracer = null, IReadOnlyList<string>? TracedRuns = null);

/// <summary>Everything `mlrepro verify` observed. Schema "mlrepro/verification/v1".</summary>
public sealed record VerificationRecord
{
    /// <summary>The schema id.</summary>
    public const string SchemaId = "mlrepro/verification/v1";

    /// <summary>Schema id.</summary>
    public string Schema { get; init; } = SchemaId;

    /// <summary>When (UTC).</summary>
    public DateTimeOffset When { get; init; }

    /// <summary>The verified project's path.</summary>
    public string Project { get; init; } = "";

    /// <summary>Machine and software.</summary>
    public EnvironmentFingerprint? Environment { get; init; }

    /// <summary>The plan.</summary>
    public RunPlan? Plan { get; init; }

    /// <summary>Sandbox facts.</summary>
    public SandboxReport? Sandbox { get; init; }

    /// <summary>Every run, in order (run 1 first).</summary>
    public IReadOnlyList<RunRecord> Runs { get; init; } = [];

    /// <summary>Comparisons: run 1 vs run 2 first.</summary>
    public IReadOnlyList<RunComparison> Comparisons { get; init; } = [];

    /// <summary>The variations applied in run 2.</summary>
    public IReadOnlyList<Variation> Variations { get; init; } = [];

    /// <summary>--isolate results.</summary>
    public IReadOnlyList<IsolationResult> Isolation { get; init; } = [];

    /// <summary>Params/config files found in the project and whether run 1 opened each (null when untraced).</summary>
    public IReadOnlyDictionary<string, bool?> ConfigFiles { get; init; } = new Dictionary<string, bool?>();

    /// <summary>Config probe results.</summary>
    public IReadOnlyList<ProbeResult> Probes { get; init; } = [];

    /// <summary>Whether runs 1 and 2 ran at the same time (--parallel on a machine with at least two processors).</summary>
    public bool ParallelRuns { get; init; }

    /// <summary>Problems that stopped or limited the verification.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>JSON options: camelCase, enums as strings, indented.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Whether all runs succeeded and run 1 and run 2 agree.</summary>
    [JsonIgnore]
    public bool Reproduced => Runs.Count >= 2 && Runs.Take(2).All(r => r.Succeeded) && Comparisons.Count > 0 && Comparisons[0].Reproduced;

    /// <summary>Writes the record as JSON.</summary>
    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions) + "\n");

    /// <summary>Reads a record written by <see cref="Save"/>.</summary>
    public static VerificationRecord Load(string path)
    {
        var r = JsonSerializer.Deserialize<VerificationRecord>(File.ReadAllText(path), JsonOptions)
            ?? throw new InvalidDataException("empty verification record");
        return r.Schema == SchemaId ? r : throw new InvalidDataException($"unknown schema '{r.Schema}' (expected {SchemaId})");
    }

    /// <summary>Verified findings for code.runs, code.deterministic, config.used, config.deterministic, data.managed, code.example-input.</summary>
    public IReadOnlyList<MLRepro.Findings.Finding> ToFindings() => VerificationFindings.From(this);
}
