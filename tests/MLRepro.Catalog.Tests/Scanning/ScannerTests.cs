using AwesomeAssertions;
using MLRepro.Catalog.Scanning;
using MLRepro.Catalog.Tests.Support;

namespace MLRepro.Catalog.Tests.Scanning;

public sealed class ScannerTests : IAsyncLifetime
{
    private readonly TempDir dir = new();
    private ICatalog catalog = null!;

    public async ValueTask InitializeAsync() => catalog = await CatalogFactory.OpenAsync(Path.Combine(dir.Path, "db", "catalog.db"));

    public ValueTask DisposeAsync()
    {
        catalog.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        dir.Dispose();
        return ValueTask.CompletedTask;
    }

    private TempDir NewRepo(string name, string extraFile = "train.py")
    {
        var repo = new TempDir();
        repo.Write("README.md", "# " + name + "\n");
        repo.Write(extraFile, "import random\nrandom.seed(0)\nprint(random.random())\n");
        repo.Git("init", "-q");
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "first");
        return repo;
    }

    private static string Head(TempDir repo) => repo.Git("rev-parse", "HEAD").Trim();

    [Fact]
    public async Task Local_repo_is_reassessed_only_when_its_commit_changes()
    {
        using var repo = NewRepo("local");
        var scanner = new Scanner(catalog);

        var first = await scanner.ScanAsync([repo.Path]);
        first.Single().Status.Should().Be(ScanStatus.Assessed);
        first.Single().Commit.Should().Be(Head(repo));

        var same = await scanner.ScanAsync([repo.Path]);
        same.Single().Status.Should().Be(ScanStatus.Skipped);

        repo.Write("eval.py", "print('eval')\n");
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "second");
        var changed = await scanner.ScanAsync([repo.Path]);
        changed.Single().Status.Should().Be(ScanStatus.Assessed);

        var forced = await new Scanner(catalog, new ScanOptions { Force = true }).ScanAsync([repo.Path]);
        forced.Single().Status.Should().Be(ScanStatus.Assessed);

        var project = (await catalog.QueryProjectsAsync(new ProjectQuery())).Items.Single();
        project.AssessmentCount.Should().Be(3);
        project.Commit.Should().Be(Head(repo));
        project.Owner.Should().BeNull();
    }

    [Fact]
    public async Task File_url_is_cloned_shallowly_and_skipped_when_unchanged()
    {
        using var repo = NewRepo("remote");
        repo.Git("commit", "-q", "--allow-empty", "-m", "second");
        var url = "file://" + repo.Path;
        var seen = new List<string>();
        var scanner = new Scanner(catalog, new ScanOptions(), assess: path =>
        {
            // The clone is shallow: only the tip commit is present.
            var log = new TempDirGit(path).Run("rev-list", "--count", "HEAD").Trim();
            seen.Add(log);
            return MLRepro.Assessment.Assessor.Assess(path);
        });

        var r = (await scanner.ScanAsync([url])).Single();
        r.Status.Should().Be(ScanStatus.Assessed, r.Reason);
        r.Commit.Should().Be(Head(repo));
        seen.Should().Equal("1");

        (await scanner.ScanAsync([url])).Single().Status.Should().Be(ScanStatus.Skipped);
        (await catalog.LatestCommitAsync("file://" + repo.Path)).Should().Be(Head(repo));
    }

    [Fact]
    public async Task Failures_are_recorded_and_do_not_stop_the_batch()
    {
        using var good = NewRepo("good");
        var missing = "file://" + Path.Combine(dir.Path, "no-such-repo");
        var results = await new Scanner(catalog, new ScanOptions { Jobs = 2 }).ScanAsync([missing, good.Path, "http://example.invalid/a/b"]);

        results.Select(r => r.Status).Should().Equal(ScanStatus.Failed, ScanStatus.Assessed, ScanStatus.Failed);
        results[0].Reason.Should().StartWith("git failed:");
        results[2].Reason.Should().Contain("protocol 'http' is not allowed");
        var failures = await catalog.GetFailuresAsync();
        failures.Select(f => f.Source).Should().BeEquivalentTo(["file://" + Path.Combine(dir.Path, "no-such-repo"), "http://example.invalid/a/b"]);
        failures.Should().OnlyContain(f => f.Reason.Length > 0);
    }

    [Fact]
    public async Task Ext_transport_is_refused_and_runs_nothing()
    {
        var marker = Path.Combine(dir.Path, "pwned");
        var inputs = new[] { $"ext::sh -c touch% {marker}", $"EXT::sh -c 'touch {marker}'", "--upload-pack=touch " + marker };
        var wide = new ScanOptions { AllowedProtocols = new HashSet<string>(["https", "http", "ssh", "git", "file", "ext"]) };
        var results = await new Scanner(catalog, wide).ScanAsync(inputs);

        results.Should().OnlyContain(r => r.Status == ScanStatus.Failed && r.Reason!.StartsWith("refused", StringComparison.Ordinal));
        File.Exists(marker).Should().BeFalse();
        (await catalog.GetFailuresAsync()).Should().HaveCount(3);
    }

    [Fact]
    public async Task Submodules_are_not_fetched_and_hooks_do_not_run()
    {
        using var sub = NewRepo("sub");
        using var repo = NewRepo("super");
        repo.Git("-c", "protocol.file.allow=always", "submodule", "add", "-q", "file://" + sub.Path, "vendor/sub");
        repo.Git("commit", "-q", "-m", "add submodule");
        string? cloned = null;
        var r = (await new Scanner(catalog, assess: p =>
        {
            cloned = p;
            File.Exists(Path.Combine(p, "vendor", "sub", "README.md")).Should().BeFalse("submodules are never cloned");
            return MLRepro.Assessment.Assessor.Assess(p);
        }).ScanAsync(["file://" + repo.Path])).Single();
        r.Status.Should().Be(ScanStatus.Assessed, r.Reason);
        cloned.Should().NotBeNull();
        Directory.Exists(cloned!).Should().BeFalse("clones are deleted after assessment");
    }

    [Fact]
    public async Task Size_cap_and_time_limit_fail_the_clone()
    {
        using var repo = NewRepo("big");
        repo.WriteBytes("weights.bin", RandomBytes(3 * 1024 * 1024));
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "weights");

        var capped = (await new Scanner(catalog, new ScanOptions { MaxCloneBytes = 1024 * 1024 }).ScanAsync(["file://" + repo.Path])).Single();
        capped.Status.Should().Be(ScanStatus.Failed);
        capped.Reason.Should().Contain("size cap");

        var slow = (await new Scanner(catalog, new ScanOptions { CloneTimeout = TimeSpan.FromMilliseconds(1), Force = true }).ScanAsync(["file://" + repo.Path])).Single();
        slow.Status.Should().Be(ScanStatus.Failed);
        slow.Reason.Should().Contain("timed out");
    }

    [Fact]
    public async Task Assessor_exceptions_are_recorded_per_project()
    {
        using var a = NewRepo("a");
        using var b = NewRepo("b");
        var scanner = new Scanner(catalog, new ScanOptions { Jobs = 2 }, assess: p =>
            p == a.Path ? throw new InvalidDataException("boom") : MLRepro.Assessment.Assessor.Assess(p));
        var results = await scanner.ScanAsync([a.Path, b.Path]);
        results[0].Status.Should().Be(ScanStatus.Failed);
        results[0].Reason.Should().Be("InvalidDataException: boom");
        results[1].Status.Should().Be(ScanStatus.Assessed);
    }

    [Fact]
    public async Task Parallel_jobs_assess_every_input()
    {
        var repos = Enumerable.Range(0, 5).Select(i => NewRepo("r" + i)).ToList();
        try
        {
            var results = await new Scanner(catalog, new ScanOptions { Jobs = 3 }).ScanAsync([.. repos.Select(r => "file://" + r.Path)]);
            results.Should().OnlyContain(r => r.Status == ScanStatus.Assessed);
            (await catalog.QueryProjectsAsync(new ProjectQuery())).Total.Should().Be(5);
        }
        finally
        {
            repos.ForEach(r => r.Dispose());
        }
    }

    [Fact]
    public void Inputs_expand_list_files_and_classify_sources()
    {
        var list = dir.Write("list.txt", "# projects\nhttps://github.com/Org/Repo.git\n\n  /tmp  \n");
        Scanner.ExpandInputs(["@" + list, "https://gitlab.com/a/b"]).Should().Equal("https://github.com/Org/Repo.git", "/tmp", "https://gitlab.com/a/b");

        var s = ScanSource.Parse("https://user:secret@github.com/Org/Repo.git?x=1#frag", ScanSource.DefaultProtocols, out _);
        s!.Canonical.Should().Be("https://github.com/Org/Repo.git", "credentials, query and fragment are dropped");
        s.DisplayName.Should().Be("Org/Repo");
        ScanSource.Parse("git@github.com:Org/Repo.git", ScanSource.DefaultProtocols, out var why).Should().BeNull();
        why.Should().Contain("'ssh' is not allowed");
        ScanSource.Parse("git@github.com:Org/Repo.git", new HashSet<string>(["ssh"]), out _)!.Canonical.Should().Be("ssh://github.com/Org/Repo.git");
        ScanSource.Parse("javascript:alert(1)//x", ScanSource.KnownProtocols, out _).Should().BeNull();
    }

    private static byte[] RandomBytes(int n)
    {
        var b = new byte[n];
        new Random(1).NextBytes(b);
        return b;
    }

    /// <summary>Runs git in a folder that is not a TempDir (the clone).</summary>
    private sealed class TempDirGit(string path)
    {
        public string Run(params string[] args)
        {
            var psi = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = path, RedirectStandardOutput = true };
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add("safe.directory=*");
            foreach (var a in args)
            {
                psi.ArgumentList.Add(a);
            }

            using var p = System.Diagnostics.Process.Start(psi)!;
            var o = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return o;
        }
    }
}
