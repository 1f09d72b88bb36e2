using RoadmapGen.Check.External;

namespace RoadmapGen.Tests.External;

public class HostThrottleTests
{
    [Fact]
    public async Task Overall_limit_holds_back_requests_to_other_hosts_until_a_slot_is_free()
    {
        var throttle = new HostThrottle(perHost: 2, total: 2);
        var first = await throttle.EnterAsync("a.example", CancellationToken.None);
        var second = await throttle.EnterAsync("b.example", CancellationToken.None);
        var third = throttle.EnterAsync("c.example", CancellationToken.None);
        Assert.False(third.IsCompleted);
        first.Dispose();
        using var entered = await third;
        second.Dispose();
    }

    [Fact]
    public async Task Host_limit_holds_back_a_third_request_to_the_same_host()
    {
        var throttle = new HostThrottle(perHost: 2, total: 16);
        var first = await throttle.EnterAsync("a.example", CancellationToken.None);
        using var second = await throttle.EnterAsync("a.example", CancellationToken.None);
        var third = throttle.EnterAsync("a.example", CancellationToken.None);
        using var other = await throttle.EnterAsync("b.example", CancellationToken.None);
        Assert.False(third.IsCompleted);
        first.Dispose();
        using var entered = await third;
    }

    [Fact]
    public async Task Waiting_for_a_busy_host_can_be_cancelled_and_frees_nothing_it_did_not_take()
    {
        var throttle = new HostThrottle(perHost: 1, total: 1);
        using var held = await throttle.EnterAsync("a.example", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = throttle.EnterAsync("a.example", cancel.Token);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        var other = throttle.EnterAsync("b.example", CancellationToken.None);
        Assert.False(other.IsCompleted);
    }
}
