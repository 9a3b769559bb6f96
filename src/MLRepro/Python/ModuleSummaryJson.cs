
namespace MLRepro.Python;

/// <summary>The JSON shape of one Python module in `mlrepro index --format json`.</summary>
internal static class ModuleSummaryJson
{
    public static object Of(ModuleSummary m) => new
    {
        path = m.Path,
        notebook = m.IsNotebook ? true : (bool?)null,
        mainGuardLine = m.MainGuardLine,
        imports = m.Imports.Select(i => new { module = i.Module, name = i.Name, alias = i.Alias, level = i.Level, line = i.Line }),
        calls = m.Calls.Select(c => new { target = c.Target, line = c.Line }),
        cliOptions = m.CliOptions.Select(o => new { framework = o.Framework, flags = o.Flags, dest = o.Dest, @default = o.Default?.Text, line = o.Line }),
        reads = m.Reads.Select(r => new { function = r.Function, kind = r.Kind.ToString().ToLowerInvariant(), path = r.Path?.Text, line = r.Line }),
        pipInstalls = m.Notebook?.PipInstalls.Select(p => new { cell = p.CellIndex, line = p.LineInCell, command = p.Text }),
        shellCommands = m.Notebook?.ShellCommands.Select(p => new { cell = p.CellIndex, line = p.LineInCell, command = p.Text }),
    };
}
