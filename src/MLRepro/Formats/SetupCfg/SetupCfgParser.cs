using System.Collections.Immutable;
using MLRepro.Formats.Dependencies;
using MLRepro.Text;

namespace MLRepro.Formats.SetupCfg;

/// <summary>Reads setup.cfg's [options] install_requires and python_requires and [options.extras_require].</summary>
public static class SetupCfgParser
{
    /// <summary>Parses a setup.cfg (INI with indented continuation lines).</summary>
    public static DependencyFileDocument Parse(SourceText source)
    {
        var deps = ImmutableArray.CreateBuilder<Dependency>();
        var diags = new List<Diagnostic>();
        string? requiresPython = null;
        string? section = null;
        string? key = null;
        for (var n = 1; n <= source.LineCount; n++)
        {
            var raw = source.GetLine(n);
            var trimmed = raw.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
            {
                continue;
            }

            if (trimmed.StartsWith('[') && trimmed.EndsWith(']'))
            {
                section = trimmed[1..^1].Trim();
                key = null;
                continue;
            }

            string? value;
            var continuation = char.IsWhiteSpace(raw[0]) && key is not null;
            if (continuation)
            {
                value = trimmed;
            }
            else
            {
                var eq = trimmed.IndexOfAny(['=', ':']);
                if (eq <= 0)
                {
                    key = null;
                    continue;
                }

                key = trimmed[..eq].Trim().ToLowerInvariant();
                value = trimmed[(eq + 1)..].Trim();
            }

            value = Requirements.RequirementsParser.StripComment(value).Trim();
            if (value.Length == 0)
            {
                continue;
            }

            if (section == "options" && key == "python_requires")
            {
                requiresPython = value;
            }
            else if ((section == "options" && key is "install_requires" or "setup_requires") || section == "options.extras_require")
            {
                var group = section == "options.extras_require" ? key : key == "setup_requires" ? "setup" : null;
                // Values may also be written on one line separated by ';' is not allowed (markers use ';'), so one per line.
                if (PipRequirementToken.Parse(value, source.Path, n, DependencyKind.Manifest, false, group, out var error) is { } d)
                {
                    deps.Add(d);
                }
                else if (!value.StartsWith("file:", StringComparison.Ordinal) && !value.StartsWith("attr:", StringComparison.Ordinal))
                {
                    diags.Add(new Diagnostic(source.Path, SourceSpan.At(n), DiagnosticSeverity.Warning, "setupcfg.requirement", error ?? "unreadable requirement"));
                }
            }
        }

        return new DependencyFileDocument(source.Path, DependencyFileFormat.SetupCfg, deps.ToImmutable(), [], [], requiresPython, null, [.. diags]);
    }
}
