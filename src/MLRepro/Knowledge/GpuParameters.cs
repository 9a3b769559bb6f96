using System.Collections.Immutable;

namespace MLRepro.Knowledge;

/// <summary>A library parameter whose value can put the work on a GPU (gpu-parameters.tsv).</summary>
/// <param name="Module">The library's import module (lightgbm).</param>
/// <param name="Parameter">The parameter name (device_type).</param>
/// <param name="Values">Lower-case values that select a GPU; a trailing '*' matches a prefix (cuda:*).</param>
public sealed record GpuParameter(string Module, string Parameter, ImmutableArray<string> Values)
{
    /// <summary>Whether the value selects a GPU (case-insensitive).</summary>
    public bool SelectsGpu(string value)
    {
        var v = value.Trim().ToLowerInvariant();
        return Values.Any(x => x.EndsWith('*') ? v.StartsWith(x[..^1], StringComparison.Ordinal) : v == x);
    }
}

/// <summary>
/// Parameters of libraries that use a GPU without any CUDA API in the project's code: LightGBM's device_type='gpu', XGBoost's
/// tree_method='gpu_hist' or device='cuda', CatBoost's task_type='GPU'. Facts about the libraries, kept in a table.
/// </summary>
public static class GpuParameters
{
    private static readonly Lazy<ImmutableArray<GpuParameter>> s_table = new(() =>
        [.. KnowledgeTable.Read("gpu-parameters.tsv").Where(r => r.Length >= 3)
            .Select(r => new GpuParameter(r[0].Trim(), r[1].Trim(), [.. r[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => v.ToLowerInvariant())]))]);

    /// <summary>Every row of the table.</summary>
    public static ImmutableArray<GpuParameter> All => s_table.Value;

    /// <summary>The rows for the libraries among the imported top-level modules.</summary>
    public static IEnumerable<GpuParameter> For(IReadOnlySet<string> importedRoots) => All.Where(p => importedRoots.Contains(p.Module));
}
