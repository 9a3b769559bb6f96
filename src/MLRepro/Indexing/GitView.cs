using MLRepro.Text;

namespace MLRepro.Indexing;

/// <summary>Git's view of a folder: which files are tracked and which are ignored, plus repository facts.</summary>
internal sealed class GitView
{
    private readonly HashSet<string> _tracked;
    private readonly HashSet<string> _ignoredFiles;
    private readonly List<string> _ignoredDirs;

    private GitView(GitFacts facts, HashSet<string> tracked, HashSet<string> ignoredFiles, List<string> ignoredDirs)
    {
        Facts = facts;
        _tracked = tracked;
        _ignoredFiles = ignoredFiles;
        _ignoredDirs = ignoredDirs;
    }

    public GitFacts Facts { get; }

    public GitStatus StatusOf(string rel)
    {
        if (_tracked.Contains(rel))
        {
            return GitStatus.Tracked;
        }

        if (_ignoredFiles.Contains(rel))
        {
            return GitStatus.Ignored;
        }

        foreach (var d in _ignoredDirs)
        {
            if (rel.StartsWith(d, StringComparison.Ordinal))
            {
                return GitStatus.Ignored;
            }
        }

        return GitStatus.Untracked;
    }

    /// <summary>Opens git's view when the folder is in a work tree and git is installed; else null.</summary>
    public static GitView? TryOpen(string root, List<Diagnostic> diagnostics)
    {
        if (!GitCommand.IsAvailable)
        {
            diagnostics.Add(new Diagnostic(string.Empty, null, DiagnosticSeverity.Info, "index.no-git", "git is not installed; .gitignore rules are applied without it"));
            return null;
        }

        if (!File.Exists(Path.Combine(root, ".git")) && !Directory.Exists(Path.Combine(root, ".git")) && !HasGitAncestor(root))
        {
            return null;
        }

        var top = GitCommand.Run(root, [], ["rev-parse", "--show-toplevel"]);
        if (top.ExitCode != 0)
        {
            return null;
        }

        var filters = GitCommand.FilterOverrides(root);
        var tracked = new HashSet<string>(StringComparer.Ordinal);
        var ls = GitCommand.Run(root, filters, ["ls-files", "-z", "--cached"]);
        foreach (var p in ls.Stdout.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            tracked.Add(p);
        }

        var ignoredFiles = new HashSet<string>(StringComparer.Ordinal);
        var ignoredDirs = new List<string>();
        var ign = GitCommand.Run(root, filters, ["ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"]);
        foreach (var p in ign.Stdout.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            if (p.EndsWith('/'))
            {
                ignoredDirs.Add(p);
            }
            else
            {
                ignoredFiles.Add(p);
            }
        }

        var head = GitCommand.Run(root, [], ["rev-parse", "--verify", "-q", "HEAD"]);
        var branch = GitCommand.Run(root, [], ["symbolic-ref", "--short", "-q", "HEAD"]);
        var status = GitCommand.Run(root, filters, ["status", "--porcelain", "-z", "--untracked-files=no", "--ignore-submodules"]);
        var remote = GitCommand.Run(root, [], ["config", "--get", "remote.origin.url"]);
        if (status.ExitCode != 0)
        {
            diagnostics.Add(new Diagnostic(string.Empty, null, DiagnosticSeverity.Info, "index.git-status", $"git status failed: {status.Stderr.Trim()}"));
        }

        var facts = new GitFacts(
            top.Stdout.Trim(),
            head.ExitCode == 0 ? head.Stdout.Trim() : null,
            branch.ExitCode == 0 ? branch.Stdout.Trim() : null,
            status.ExitCode == 0 && status.Stdout.Length > 0,
            remote.ExitCode == 0 && remote.Stdout.Trim().Length > 0 ? GitFacts.StripCredentials(remote.Stdout.Trim()) : null);
        return new GitView(facts, tracked, ignoredFiles, ignoredDirs);
    }

    private static bool HasGitAncestor(string root)
    {
        for (var d = Path.GetDirectoryName(root); d is not null; d = Path.GetDirectoryName(d))
        {
            if (Directory.Exists(Path.Combine(d, ".git")) || File.Exists(Path.Combine(d, ".git")))
            {
                return true;
            }
        }

        return false;
    }
}
