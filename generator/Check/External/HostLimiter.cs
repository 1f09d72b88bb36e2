using System.Threading.RateLimiting;

namespace RoadmapGen.Check.External;

/// <summary>
/// Limits requests in flight per host and overall, so a check of a few hundred links never
/// hammers one site (which would get the checker rate-limited or blocked). Both limits are
/// <see cref="ConcurrencyLimiter"/>s of System.Threading.RateLimiting: one per host (keyed by
/// the URL's authority, host and port) chained before one for the whole run.
/// </summary>
public sealed class HostLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _hosts;
    private readonly PartitionedRateLimiter<string> _overall;
    private readonly PartitionedRateLimiter<string> _both;

    public HostLimiter(int perHost, int total)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perHost, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(total, 1);
        _hosts = PartitionedRateLimiter.Create<string, string>(
            host => RateLimitPartition.GetConcurrencyLimiter(host, _ => Queued(perHost)), StringComparer.OrdinalIgnoreCase);
        _overall = PartitionedRateLimiter.Create<string, string>(
            _ => RateLimitPartition.GetConcurrencyLimiter("", _ => Queued(total)));
        // The host's slot is taken first: a request waiting for a busy host must not hold one of
        // the overall slots that requests to other hosts could use.
        _both = PartitionedRateLimiter.CreateChained(_hosts, _overall);
    }

    /// <summary>Every request waits its turn (oldest first); none is turned away.</summary>
    private static ConcurrencyLimiterOptions Queued(int permits) => new()
    {
        PermitLimit = permits,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    };

    /// <summary>The key a URL is limited under: its authority (host and port).</summary>
    public static string HostOf(Uri uri) => uri.Authority;

    /// <summary>Waits for a slot for <paramref name="host"/>, then for an overall one; dispose the lease to give both back.</summary>
    public ValueTask<RateLimitLease> AcquireAsync(string host, CancellationToken cancellation = default) =>
        _both.AcquireAsync(host, 1, cancellation);

    public void Dispose()
    {
        // A chained limiter leaves the limiters it chains to their owner.
        _both.Dispose();
        _overall.Dispose();
        _hosts.Dispose();
    }
}
