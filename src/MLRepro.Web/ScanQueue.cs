using System.Collections.Concurrent;
using System.Threading.Channels;
using MLRepro.Catalog;
using MLRepro.Catalog.Scanning;
using Microsoft.Extensions.Hosting;

namespace MLRepro.Web;

/// <summary>A submitted scan and what became of it.</summary>
public sealed record ScanJob(string Id, string Url, string Status, string? Reason = null, string? ProjectName = null, int? Stars = null, long? AssessmentId = null);

/// <summary>Scans submitted through the API, one at a time in the background (a bounded queue).</summary>
internal sealed class ScanQueue(ICatalog catalog, CatalogWebOptions options) : BackgroundService
{
    /// <summary>Submissions waiting beyond this are refused (the rate limiter is the first defence).</summary>
    public const int Capacity = 100;

    private readonly Channel<ScanJob> channel = Channel.CreateBounded<ScanJob>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<string, ScanJob> jobs = new(StringComparer.Ordinal);

    /// <summary>Queues a URL; null when the queue is full.</summary>
    public ScanJob? Enqueue(string url)
    {
        var job = new ScanJob(Guid.NewGuid().ToString("N"), url, "queued");
        jobs[job.Id] = job;
        if (!channel.Writer.TryWrite(job))
        {
            jobs.TryRemove(job.Id, out _);
            return null;
        }

        return job;
    }

    /// <summary>A job by id.</summary>
    public ScanJob? Get(string id) => jobs.TryGetValue(id, out var j) ? j : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var scanner = new Scanner(catalog, options.ScanOptions with { AllowedProtocols = options.SubmitProtocols, Jobs = 1 });
        await foreach (var job in channel.Reader.ReadAllAsync(stoppingToken))
        {
            jobs[job.Id] = job with { Status = "running" };
            var work = Path.Combine(Path.GetTempPath(), "mlrepro-web-scan-" + job.Id);
            try
            {
                var r = await scanner.ScanOneAsync(job.Url, work, stoppingToken);
                jobs[job.Id] = job with
                {
                    Status = r.Status.ToString().ToLowerInvariant(),
                    Reason = r.Reason,
                    ProjectName = r.Name,
                    Stars = r.Stars,
                    AssessmentId = r.AssessmentId,
                };
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
