namespace MLRepro.Checks;

/// <summary>The one explicit list of checks (no reflection). A test asserts every SCALE.md id appears exactly once.</summary>
public static class CheckRegistry
{
    /// <summary>Every check, in criterion order (level, then the order of SCALE.md).</summary>
    public static IReadOnlyList<ICheck> All { get; } =
    [
    ];

    /// <summary>Looks a check up by criterion id.</summary>
    public static ICheck? Find(string id) => All.FirstOrDefault(c => c.Info.Id == id);
}
