using System.Text;
using AwesomeAssertions;
using MLRepro.Indexing;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Indexing;

public sealed class RepoIndexTests
{
    [Fact]
    public void Git_status_tracked_untracked_ignored_and_git_internals_hidden()
    {
        using var t = new TempDir();
        t.Git("init", "-q");
        t.Write(".gitignore", "data/\n*.log\n");
        t.Write("train.py", "print(1)\n");
        t.Write("data/raw.csv", "a,b\n1,2\n");
        t.Write("run.log", "x");
        t.Write("notes.md", "n");
        t.Git("add", "train.py", ".gitignore");
        t.Git("commit", "-q", "-m", "init");

        var index = RepoIndex.Build(t.Path);

        index.Find("train.py")!.Git.Should().Be(GitStatus.Tracked);
        index.Find("data/raw.csv")!.Git.Should().Be(GitStatus.Ignored, "ignored files stay in the index, flagged");
        index.Find("run.log")!.Git.Should().Be(GitStatus.Ignored);
        index.Find("notes.md")!.Git.Should().Be(GitStatus.Untracked);
        index.Files.Should().NotContain(f => f.Path.StartsWith(".git/", StringComparison.Ordinal));
        index.Git.Should().NotBeNull();
        index.Git!.Head.Should().MatchRegex("^[0-9a-f]{40}$");
        index.Git.Branch.Should().Be("main");
        index.Git.IsDirty.Should().BeFalse();
        File.WriteAllText(Path.Combine(t.Path, "train.py"), "print(2)\n");
        RepoIndex.Build(t.Path).Git!.IsDirty.Should().BeTrue();
    }

    [Fact]
    public void Remote_url_credentials_are_stripped()
    {
        using var t = new TempDir();
        t.Git("init", "-q");
        t.Git("remote", "add", "origin", "https://user:ghp_secret123@github.com/acme/model.git");
        RepoIndex.Build(t.Path).Git!.RemoteUrl.Should().Be("https://github.com/acme/model.git");
        GitFacts.StripCredentials("git@github.com:a/b.git").Should().Be("git@github.com:a/b.git");
        GitFacts.StripCredentials("https://tok@gitlab.com/a/b").Should().Be("https://gitlab.com/a/b");
    }

    [Fact]
    public void Outside_git_gitignore_rules_apply_per_directory()
    {
        using var t = new TempDir();
        t.Write(".gitignore", "*.tmp\n");
        t.Write("sub/.gitignore", "secret.txt\n");
        t.Write("a.tmp", "x");
        t.Write("sub/secret.txt", "x");
        t.Write("secret.txt", "x");
        t.Write("sub/ok.py", "x");
        var index = RepoIndex.Build(t.Path, new IndexOptions { UseGit = false });
        index.Git.Should().BeNull();
        index.Find("a.tmp")!.Git.Should().Be(GitStatus.Ignored);
        index.Find("sub/secret.txt")!.Git.Should().Be(GitStatus.Ignored);
        index.Find("secret.txt")!.Git.Should().Be(GitStatus.NotInRepo, "sub/.gitignore applies only below sub/");
        index.Find("sub/ok.py")!.Git.Should().Be(GitStatus.NotInRepo);
    }

    [Fact]
    public void Kinds_binary_text_too_large_and_lfs_pointer()
    {
        using var t = new TempDir();
        t.Write("a.py", "x = 1\n");
        t.WriteBytes("w.bin", [1, 2, 0, 3]);
        t.Write("big.txt", new string('x', 2000));
        t.Write("model.pt", "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n");
        var index = RepoIndex.Build(t.Path, new IndexOptions { MaxTextFileBytes = 1000, UseGit = false });
        index.Find("a.py")!.Kind.Should().Be(FileKind.Text);
        index.Find("w.bin")!.Kind.Should().Be(FileKind.Binary);
        index.Find("big.txt")!.Kind.Should().Be(FileKind.TooLarge);
        index.Find("model.pt")!.IsLfsPointer.Should().BeTrue();
        index.ReadText("big.txt").Should().BeNull("files over the limit are never read");
    }

    [Fact]
    public void Symlinks_are_recorded_never_followed_and_escapes_and_loops_diagnosed()
    {
        using var t = new TempDir();
        using var outside = new TempDir();
        outside.Write("secret.txt", "top secret");
        t.Write("real.py", "x=1");
        File.CreateSymbolicLink(Path.Combine(t.Path, "escape.txt"), Path.Combine(outside.Path, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(t.Path, "escape_dir"), outside.Path);
        File.CreateSymbolicLink(Path.Combine(t.Path, "loop1"), "loop2");
        File.CreateSymbolicLink(Path.Combine(t.Path, "loop2"), "loop1");
        File.CreateSymbolicLink(Path.Combine(t.Path, "inside.py"), "real.py");

        var index = RepoIndex.Build(t.Path, new IndexOptions { UseGit = false });

        index.Find("escape.txt")!.Kind.Should().Be(FileKind.Symlink);
        index.ReadText("escape.txt").Should().BeNull("a link is never read through");
        index.Files.Should().NotContain(f => f.Path.StartsWith("escape_dir/", StringComparison.Ordinal), "linked folders are not walked");
        index.Diagnostics.Should().Contain(d => d.Path == "escape.txt" && d.Code == "index.symlink-escape");
        index.Diagnostics.Should().Contain(d => d.Path == "loop1" && d.Code == "index.symlink-loop");
        index.Diagnostics.Should().NotContain(d => d.Path == "inside.py");
    }

    [Fact]
    public void Max_files_stops_with_a_clear_diagnostic_and_order_is_ordinal()
    {
        using var t = new TempDir();
        foreach (var n in new[] { "b.py", "B.py", "a/z.py", "a.py", "_x.py", "é.py" })
        {
            t.Write(n, "x");
        }

        var all = RepoIndex.Build(t.Path, new IndexOptions { UseGit = false });
        all.Files.Select(f => f.Path).Should().Equal(all.Files.Select(f => f.Path).OrderBy(p => p, StringComparer.Ordinal));
        var capped = RepoIndex.Build(t.Path, new IndexOptions { UseGit = false, MaxFiles = 3 });
        capped.Files.Should().HaveCount(3);
        capped.Truncated.Should().BeTrue();
        capped.Diagnostics.Should().Contain(d => d.Code == "index.too-many-files" && d.Message.Contains("3 files", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_utf8_content_is_decoded_with_a_diagnostic()
    {
        using var t = new TempDir();
        t.WriteBytes("bad.py", [.. Encoding.ASCII.GetBytes("x = '"), 0xC3, 0x28, .. Encoding.ASCII.GetBytes("'\n")]);
        var index = RepoIndex.Build(t.Path, new IndexOptions { UseGit = false });
        var diags = new List<MLRepro.Text.Diagnostic>();
        var text = index.ReadText("bad.py", diags);
        text.Should().NotBeNull();
        text!.Text.Should().Contain("\uFFFD");
        diags.Should().ContainSingle(d => d.Code == "text.invalid-utf8");
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    [InlineData("utf-32BE")]
    public void Wide_text_with_a_bom_is_text_and_decoded(string encodingName)
    {
        // PowerShell 5's `pip freeze > requirements.txt` writes UTF-16 LE with a BOM; pip decodes it by the BOM.
        using var t = new TempDir();
        var encoding = Encoding.GetEncoding(encodingName);
        var content = "numpy==1.26.4\nscikit-learn==1.4.2\n# caf\u00e9 \U0001F600\n";
        t.WriteBytes("requirements.txt", [.. encoding.GetPreamble(), .. encoding.GetBytes(content)]);
        var index = RepoIndex.Build(t.Path, new IndexOptions { UseGit = false });
        index.Find("requirements.txt")!.Kind.Should().Be(FileKind.Text);
        var diags = new List<MLRepro.Text.Diagnostic>();
        index.ReadText("requirements.txt", diags)!.Text.Should().Be(content);
        index.ReadString(index.Find("requirements.txt")!, diags).Should().Be(content);
        diags.Should().BeEmpty();
    }

    [Fact]
    public void Nul_bytes_after_a_utf16_bom_look_are_still_binary()
    {
        using var t = new TempDir();
        // FF FE then UTF-16 LE code units that include U+0000: not text, whatever the first two bytes say.
        t.WriteBytes("weights.bin", [0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00, 0x42, 0x00]);
        // A lone low surrogate: invalid UTF-16.
        t.WriteBytes("blob.dat", [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xDC, 0x42, 0x00]);
        // No BOM: NUL bytes mean binary, as before.
        t.WriteBytes("plain.bin", [0x41, 0x00, 0x42, 0x00]);
        var index = RepoIndex.Build(t.Path, new IndexOptions { UseGit = false });
        index.Find("weights.bin")!.Kind.Should().Be(FileKind.Binary);
        index.Find("blob.dat")!.Kind.Should().Be(FileKind.Binary);
        index.Find("plain.bin")!.Kind.Should().Be(FileKind.Binary);
    }

    [Fact]
    public void A_utf16_head_cut_inside_a_surrogate_pair_is_still_text()
    {
        using var t = new TempDir();
        // The sniffed head (BinarySniffBytes) ends between the two halves of a surrogate pair.
        var units = (IndexOptions.BinarySniffBytes - 2 - 2) / 2;
        var content = new string('a', units) + "\U0001F600" + new string('b', 100);
        t.WriteBytes("notes.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(content)]);
        var index = RepoIndex.Build(t.Path, new IndexOptions { UseGit = false });
        index.Find("notes.txt")!.Kind.Should().Be(FileKind.Text);
        index.ReadText("notes.txt")!.Text.Should().Be(content);
    }

    [Fact]
    public void A_hostile_git_config_runs_nothing()
    {
        using var t = new TempDir();
        t.Git("init", "-q");
        var marker = Path.Combine(t.Path, "..", "pwned-" + Guid.NewGuid().ToString("N"));
        t.Git("config", "core.fsmonitor", $"touch {marker}; echo");
        t.Git("config", "filter.evil.clean", $"touch {marker}; cat");
        t.Write(".gitattributes", "*.py filter=evil\n");
        t.Write("a.py", "x=1\n");
        var index = RepoIndex.Build(t.Path);
        index.Find("a.py").Should().NotBeNull();
        File.Exists(marker).Should().BeFalse("git must not run the repository's fsmonitor or filter programs");
    }
}
