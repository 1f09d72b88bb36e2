using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace RoadmapGen.Tests.External;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also tells the test each wait the code under test
/// starts on it (a retry's delay, an attempt's timeout), so the test moves time exactly when
/// and as far as it means to, and never sleeps for real.
/// </summary>
public sealed class TestClock : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _started = Channel.CreateUnbounded<TimeSpan>();
    private readonly ConcurrentQueue<TimeSpan> _all = new();

    public TestClock()
    {
    }

    public TestClock(DateTimeOffset start) : base(start)
    {
    }

    /// <summary>Every wait started so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits => _all.ToList();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Reporting(base.CreateTimer(callback, state, dueTime, period), this);
        Started(dueTime);
        return timer;
    }

    private void Started(TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan) return;
        _all.Enqueue(dueTime);
        _started.Writer.TryWrite(dueTime);
    }

    /// <summary>
    /// Waits until the code starts a wait that <paramref name="match"/> accepts and returns its
    /// length; time does not move meanwhile. A minute at most, so a wait that never comes fails
    /// the test instead of hanging it.
    /// </summary>
    public async Task<TimeSpan> NextWaitAsync(Func<TimeSpan, bool>? match = null, CancellationToken cancellation = default)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        guard.CancelAfter(TimeSpan.FromMinutes(1));
        while (true)
        {
            var due = await _started.Reader.ReadAsync(guard.Token);
            if (match is null || match(due)) return due;
        }
    }

    /// <summary>
    /// Until <paramref name="work"/> ends, lets each wait it starts that <paramref name="advance"/>
    /// accepts run out at once by moving the clock that far; other waits never end.
    /// </summary>
    public async Task<T> DriveAsync<T>(Task<T> work, Func<TimeSpan, bool> advance)
    {
        using var done = new CancellationTokenSource();
        while (true)
        {
            var next = NextWaitAsync(advance, done.Token);
            if (await Task.WhenAny(work, next) == work)
            {
                await done.CancelAsync();
                await Task.WhenAny(next);
                return await work;
            }
            Advance(await next);
        }
    }

    /// <summary>A timer whose later <see cref="ITimer.Change"/> is reported as a new wait too.</summary>
    private sealed class Reporting(ITimer inner, TestClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            clock.Started(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
