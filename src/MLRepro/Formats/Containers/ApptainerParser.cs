using System.Collections.Immutable;
using MLRepro.Formats.Dependencies;
using MLRepro.Text;

namespace MLRepro.Formats.Containers;

/// <summary>Reads Apptainer/Singularity definition files: the Bootstrap/From header and pip installs in %post.</summary>
public static class ApptainerParser
{
    /// <summary>Parses a .def file.</summary>
    public static ContainerDocument Parse(SourceText source)
    {
        var diags = new List<Diagnostic>();
        var images = ImmutableArray.CreateBuilder<ContainerImage>();
        var pips = ImmutableArray.CreateBuilder<Dependency>();
        string? bootstrap = null;
        string? section = null;
        var gpu = false;
        int? gpuLine = null;
        for (var n = 1; n <= source.LineCount; n++)
        {
            var start = n;
            var line = LogicalLine.Read(source, ref n, source.LineCount, trimPieces: true).Trim();

            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('%'))
            {
                section = line.Split((char[]?)null, 2)[0].ToLowerInvariant();
                continue;
            }

            if (section is null)
            {
                var colon = line.IndexOf(':');
                if (colon <= 0)
                {
                    continue;
                }

                var key = line[..colon].Trim().ToLowerInvariant();
                var value = line[(colon + 1)..].Trim();
                if (key == "bootstrap")
                {
                    bootstrap = value.ToLowerInvariant();
                }
                else if (key == "from" && value.Length > 0)
                {
                    var img = ImageReferenceParser.Parse(value, start, null, bootstrap is "localimage");
                    images.Add(img);
                    if (img.IsGpuImage && !gpu)
                    {
                        gpu = true;
                        gpuLine = start;
                    }
                }
            }
            else if (section == "%post")
            {
                pips.AddRange(PipInstallParser.Parse(line, source.Path, start).SelectMany(c => c.Packages));
            }
        }

        if (images.Count == 0)
        {
            diags.Add(new Diagnostic(source.Path, null, DiagnosticSeverity.Info, "apptainer.no-from", "no 'From:' header"));
        }

        return new ContainerDocument(source.Path, ContainerKind.Apptainer, images.ToImmutable(), gpu, gpuLine, images.Select(i => i.CudaVersion).FirstOrDefault(c => c is not null),
            images.Select(i => i.PythonVersion).FirstOrDefault(c => c is not null), pips.ToImmutable(), [], [], [.. diags]);
    }
}
