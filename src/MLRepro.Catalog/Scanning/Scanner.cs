using MLRepro.Assessment;
using MLRepro.Reporting;

namespace MLRepro.Catalog.Scanning;

/// <summary>What happened to one input.</summary>
public enum ScanStatus
{
    /// <summary>Assessed and stored.</summary>
    Assessed,
    /// <summary>Skipped: the catalog already holds an assessment of this commit.</summary>
    Skipped,
    /// <summary>Failed; the reason is recorded in the catalog.</summary>
    Failed,
}

/// <summary>The outcome of one input of a batch.</summary>
/// <param name="Input">The input as given.</param>
/// <param name="Status">What happened.</param>
/// <param name="Name">Project name, when known.</param>
/// <param name="Commit">Commit assessed or skipped, when known.</param>
/// <param name="Stars">Stars, when assessed.</param>
/// <param name="Reason">Why it failed or was skipped.</param>
/// <param name="AssessmentId">The stored assessment, when assessed.</param>
public sealed record ScanResult(string Input, ScanStatus Status, string? Name, string? Commit, int? Stars, string? Reason, long? AssessmentId);

/// <summary>
/// Scans many projects into a catalog: classifies each input, clones remote ones safely, assesses with
/// <see cref="Assessor"/>, stores the report with its commit and time, and records failures without stopping.
/// </summary>
public sealed class Scanner
{
    private readonly ICatalog catalog;
    private readonly ScanOptions options;
    private readonly Func<string, Report> assess;
    private readonly TimeProvider clock;

    /// <summary>Creates a scanner; <paramref name="assess"/> defaults to <see cref="Assessor.Assess(string, Indexing.IndexOptions?)"/>.</summary>
    public Scanner(ICatalog catalog, ScanOptions? options = null, Func<string, Report>? assess = null, TimeProvider? clock = null)
    {
        this.catalog = catalog;
        this.options = options ?? new ScanOptions();
        this.assess = assess ?? (p => Assessor.Assess(p));
        this.clock = clock ?? TimeProvider.System;
    }

    /// <summary>Reads inputs: each argument is a path or URL, or "@file" naming a list (one per line, '#' comments).</summary>
    public static IReadOnlyList<string> ExpandInputs(IEnumerable<string> args)
    {
        var list = new List<string>();
        foreach (var a in args)
        {
            if (a.StartsWith('@') && a.Length > 1)
            {
                list.AddRange(ReadList(a[1..]));
            }
            else if (a.Trim().Length > 0)
            {
                list.Add(a.Trim());
            }
        }

        return list;
    }

    /// <summary>Reads a list file: one input per line; blank lines and lines starting with '#' are ignored.</summary>
    public static IEnumerable<string> ReadList(string file) =>
        File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));

    /// <summary>Scans all inputs with up to <see cref="ScanOptions.Jobs"/> at once; results come in input order.</summary>
    public async Task<IReadOnlyList<ScanResult>> ScanAsync(IReadOnlyList<string> inputs, Action<ScanResult>? onResult = null, CancellationToken ct = default)
    {
        var results = new ScanResult[inputs.Count];
        var work = options.WorkDir ?? Path.Combine(Path.GetTempPath(), "mlrepro-scan-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(work);
        try
        {
            await Parallel.ForAsync(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Jobs), CancellationToken = ct }, async (i, token) =>
            {
                var r = await ScanOneAsync(inputs[i], Path.Combine(work, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), token);
                results[i] = r;
                onResult?.Invoke(r);
            });
        }
        finally
        {
            if (options.WorkDir is null)
            {
                TryDelete(work);
            }
        }

        return results;
    }

    /// <summary>Scans one input; never throws for a bad input (the failure is recorded and returned).</summary>
    public async Task<ScanResult> ScanOneAsync(string input, string cloneDir, CancellationToken ct = default)
    {
        var source = ScanSource.Parse(input, options.AllowedProtocols, out var refused);
        if (source is null)
        {
            return await FailAsync(input, input, refused ?? "refused", ct);
        }

        try
        {
            string? commit;
            if (source.IsRemote)
            {
                (commit, var failure) = await GitCloner.RemoteHeadAsync(source, options, ct);
                if (failure is not null)
                {
                    return await FailAsync(input, source.Canonical, failure, ct);
                }
            }
            else
            {
                commit = await GitCloner.LocalHeadAsync(source.Canonical, options, ct);
            }

            if (!options.Force && commit is not null && await catalog.LatestCommitAsync(source.Canonical, ct) == commit)
            {
                return new ScanResult(input, ScanStatus.Skipped, source.DisplayName, commit, null, "commit already assessed", null);
            }

            var folder = source.Canonical;
            if (source.IsRemote)
            {
                if (await GitCloner.CloneAsync(source, cloneDir, options, ct) is { } failure)
                {
                    TryDelete(cloneDir);
                    return await FailAsync(input, source.Canonical, failure, ct);
                }

                folder = cloneDir;
            }

            try
            {
                var report = await Task.Run(() => assess(folder), ct);
                var name = source.IsRemote ? source.DisplayName : report.Project.Name;
                var id = await catalog.AddAssessmentAsync(
                    new ProjectSource(source.Canonical, name, source.Owner, source.Repo), report, clock.GetUtcNow(), ct);
                return new ScanResult(input, ScanStatus.Assessed, name, report.Project.Commit ?? commit, report.Stars, null, id);
            }
            finally
            {
                if (source.IsRemote)
                {
                    TryDelete(cloneDir);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One bad project must not stop the batch: record it and go on.
            return await FailAsync(input, source.Canonical, $"{e.GetType().Name}: {e.Message}", ct);
        }
    }

    private async Task<ScanResult> FailAsync(string input, string source, string reason, CancellationToken ct)
    {
        await catalog.RecordFailureAsync(source, reason, clock.GetUtcNow(), ct);
        return new ScanResult(input, ScanStatus.Failed, null, null, null, reason, null);
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                // Git makes pack files read-only; clear attributes so the delete succeeds.
                foreach (var f in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
                {
                    File.SetAttributes(f, FileAttributes.Normal);
                }

                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
