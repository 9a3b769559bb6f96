using System.Text.RegularExpressions;

namespace MLRepro.Analysis;

/// <summary>Reads shell command lines for the Python scripts and modules they run.</summary>
public static partial class CommandLines
{
    /// <summary>The script path (`python src/train.py …` → src/train.py) or module (`python -m pkg.train` → pkg/train.py) a command runs, or null.</summary>
    public static string? PythonTarget(string command)
    {
        var m = PythonScript().Match(command);
        if (m.Success)
        {
            return m.Groups["script"].Value.TrimStart('.', '/');
        }

        var mod = PythonModule().Match(command);
        return mod.Success ? mod.Groups["mod"].Value.Replace('.', '/') + ".py" : null;
    }

    /// <summary>Notebooks a command executes (jupyter nbconvert --execute, papermill).</summary>
    public static string? NotebookTarget(string command)
    {
        var m = Notebook().Match(command);
        return m.Success ? m.Groups["nb"].Value.TrimStart('.', '/') : null;
    }

    [GeneratedRegex(@"(?:^|[\s;&|(])(?:[\w./-]*/)?(?:python[0-9.]*|py|uv run|poetry run python|pipenv run python|conda run(?: -n \S+)? python|accelerate launch|torchrun|deepspeed)(?:\s+-[A-Za-z]+(?:\s+\S+)?)*?\s+(?<script>[\w./-]+\.py)\b")]
    private static partial Regex PythonScript();

    [GeneratedRegex(@"(?:^|[\s;&|(])(?:[\w./-]*/)?python[0-9.]*\s+(?:-[A-Za-z]+\s+)*-m\s+(?<mod>[A-Za-z_][\w.]*)")]
    private static partial Regex PythonModule();

    [GeneratedRegex(@"(?:nbconvert|papermill|nbclient|jupyter execute)\b[^\n]*?\s(?<nb>[\w./-]+\.ipynb)")]
    private static partial Regex Notebook();
}
