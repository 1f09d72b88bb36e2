using System.Collections.Concurrent;

namespace RoadmapGen.Check.External;

/// <summary>
/// Limits requests in flight per host and overall, so a check of a few hundred links never
/// hammers one site (which would get the checker rate-limited or blocked), and lets a host
/// that answered 429 be paused for every request to it, not just the one that was refused.
/// </summary>
public sealed class HostThrottle
{
    private readonly int _perHost;
    private readonly SemaphoreSlim _total;
    private readonly ConcurrentDictionary<string, Gate> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;

    public HostThrottle(int perHost, int total, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perHost, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(total, 1);
        _perHost = perHost;
        _total = new SemaphoreSlim(total, total);
        _time = time ?? TimeProvider.System;
    }

    private sealed class Gate(int slots)
    {
        public readonly SemaphoreSlim Slots = new(slots, slots);
        public DateTimeOffset NotBefore = DateTimeOffset.MinValue;
    }

    /// <summary>Waits for a slot for <paramref name="host"/> (and any pause of it), then for an overall slot.</summary>
    public async Task<IDisposable> EnterAsync(string host, CancellationToken cancellation)
    {
        var gate = _hosts.GetOrAdd(host, _ => new Gate(_perHost));
        // The host slot is taken first: a request waiting for a busy or paused host must not
        // hold one of the overall slots that requests to other hosts could use.
        await gate.Slots.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            while (true)
            {
                DateTimeOffset notBefore;
                lock (gate) notBefore = gate.NotBefore;
                var wait = notBefore - _time.GetUtcNow();
                if (wait <= TimeSpan.Zero) break;
                await Task.Delay(wait, _time, cancellation).ConfigureAwait(false);
            }
            await _total.WaitAsync(cancellation).ConfigureAwait(false);
        }
        catch
        {
            gate.Slots.Release();
            throw;
        }
        return new Lease(this, gate);
    }

    /// <summary>Holds back every request to <paramref name="host"/> for <paramref name="delay"/> (a 429's Retry-After).</summary>
    public void Pause(string host, TimeSpan delay)
    {
        var gate = _hosts.GetOrAdd(host, _ => new Gate(_perHost));
        var until = _time.GetUtcNow() + delay;
        lock (gate)
        {
            if (until > gate.NotBefore) gate.NotBefore = until;
        }
    }

    private sealed class Lease(HostThrottle owner, Gate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            owner._total.Release();
            gate.Slots.Release();
        }
    }
}
