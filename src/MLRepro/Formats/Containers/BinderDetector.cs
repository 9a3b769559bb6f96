using System.Collections.Immutable;
using MLRepro.Text;

namespace MLRepro.Formats.Containers;

/// <summary>
/// Detects Binder / repo2docker setups. repo2docker reads a binder/ (or .binder/) folder if present, else the
/// repository root; the files themselves are parsed by their own parsers (environment.yml, requirements.txt,
/// runtime.txt…), so this only records which configuration files repo2docker would use.
/// </summary>
public static class BinderDetector
{
    /// <summary>Files repo2docker understands.</summary>
    public static readonly ImmutableArray<string> ConfigFiles =
        ["environment.yml", "environment.yaml", "requirements.txt", "runtime.txt", "apt.txt", "postBuild", "start", "install.R", "DESCRIPTION", "Project.toml", "setup.py", "Pipfile", "Pipfile.lock", "Dockerfile", "default.nix"];

    /// <summary>Files only repo2docker uses: their presence at the root means the root is a Binder configuration.</summary>
    public static readonly ImmutableArray<string> SpecificFiles = ["apt.txt", "postBuild", "runtime.txt", "start", "install.R"];

    /// <summary>
    /// Builds the Binder document for a folder ("binder", ".binder" or "" for the root) from the files present.
    /// Returns null when the folder holds no repo2docker file (or, at the root, no repo2docker-specific one).
    /// </summary>
    public static ContainerDocument? Detect(string folder, Func<string, bool> exists, Func<string, SourceText?> text)
    {
        var prefix = folder.Length == 0 ? string.Empty : folder + "/";
        var present = ConfigFiles.Where(f => exists(prefix + f)).Select(f => prefix + f).ToImmutableArray();
        if (present.Length == 0 || (folder.Length == 0 && !SpecificFiles.Any(f => exists(f))))
        {
            return null;
        }

        string? python = null;
        if (present.Contains(prefix + "runtime.txt") && text(prefix + "runtime.txt") is { } rt)
        {
            python = Runtime.RuntimeParser.ParseRuntimeTxt(rt).FirstOrDefault()?.Version;
        }

        var diags = ImmutableArray<Diagnostic>.Empty;
        if (present.Contains(prefix + "postBuild"))
        {
            diags = [new Diagnostic(prefix + "postBuild", null, DiagnosticSeverity.Info, "binder.postbuild", "postBuild runs arbitrary commands at image build time; its effects are not analysed")];
        }

        return new ContainerDocument(folder, ContainerKind.Binder, [], false, null, null, python, [], present, [], diags);
    }
}
