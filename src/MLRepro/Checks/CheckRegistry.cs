namespace MLRepro.Checks;

/// <summary>The one explicit list of checks (no reflection). A test asserts every SCALE.md id appears exactly once.</summary>
public static class CheckRegistry
{
    /// <summary>Every check, in criterion order (level, then the order of SCALE.md).</summary>
    public static IReadOnlyList<ICheck> All { get; } =
    [
        new Code.CodeRunsCheck(),
        new Code.CodeExampleInputCheck(),
        new Code.CodeDeterministicCheck(),
        new Config.ConfigFilesCheck(),
        new Config.ConfigSeedsCheck(),
        new Config.ConfigUsedCheck(),
        new Config.ConfigDeterministicCheck(),
        new Data.DataManagedCheck(),
        new Data.DataDocumentedCheck(),
        new Data.DataSwappableCheck(),
        new Data.DataPipelineCheck(),
        new Environment.EnvPackagesCheck(),
        new Environment.EnvExampleCheck(),
        new Environment.EnvHardwareCheck(),
        new Evaluation.EvalPredictCheck(),
        new Evaluation.EvalCompareCheck(),
    ];

    /// <summary>Looks a check up by criterion id.</summary>
    public static ICheck? Find(string id) => All.FirstOrDefault(c => c.Info.Id == id);
}
