using RoadmapGen.Check.External;

namespace RoadmapGen.Tests.External;

public class HostLimiterTests
{
    [Fact]
    public async Task Overall_limit_holds_back_requests_to_other_hosts_until_a_slot_is_free()
    {
        using var limiter = new HostLimiter(perHost: 2, total: 2);
        var first = await limiter.AcquireAsync("a.example");
        using var second = await limiter.AcquireAsync("b.example");
        var third = limiter.AcquireAsync("c.example").AsTask();
        Assert.True(first.IsAcquired);
        Assert.False(third.IsCompleted);
        first.Dispose();
        using var entered = await third;
        Assert.True(entered.IsAcquired);
    }

    [Fact]
    public async Task Host_limit_holds_back_a_third_request_to_the_same_host_but_not_one_to_another()
    {
        using var limiter = new HostLimiter(perHost: 2, total: 16);
        var first = await limiter.AcquireAsync("a.example");
        using var second = await limiter.AcquireAsync("a.example");
        var third = limiter.AcquireAsync("a.example").AsTask();
        using var other = await limiter.AcquireAsync("b.example");
        Assert.True(other.IsAcquired);
        Assert.False(third.IsCompleted);
        first.Dispose();
        using var entered = await third;
        Assert.True(entered.IsAcquired);
    }

    [Fact]
    public async Task Waiting_for_a_busy_host_can_be_cancelled_and_frees_nothing_it_did_not_take()
    {
        using var limiter = new HostLimiter(perHost: 1, total: 1);
        using var held = await limiter.AcquireAsync("a.example");
        using var cancel = new CancellationTokenSource();
        var waiting = limiter.AcquireAsync("a.example", cancel.Token).AsTask();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        var other = limiter.AcquireAsync("b.example").AsTask();
        Assert.False(other.IsCompleted);
    }

    [Fact]
    public void Host_is_the_authority_so_ports_count_apart_and_case_does_not()
    {
        Assert.Equal(HostLimiter.HostOf(new Uri("https://Example.org/a")), HostLimiter.HostOf(new Uri("https://example.org/b?c")));
        Assert.NotEqual(HostLimiter.HostOf(new Uri("http://127.0.0.1:8080/")), HostLimiter.HostOf(new Uri("http://127.0.0.1:8081/")));
    }

    /// <summary>
    /// Six links on each of two hosts, limit 2 per host: the server holds every request until
    /// the test releases it, in rounds of as many requests as the limits let through at once.
    /// </summary>
    [Fact]
    public async Task Checker_keeps_each_host_at_its_limit_while_both_hosts_are_asked_at_once()
    {
        await using var server = await LinkServer.StartAsync();
        var clock = new TestClock();
        using var checker = new ExternalLinkChecker(new ExternalCheckOptions { PerHostLimit = 2, TotalLimit = 16 }, LinkCache.Empty(TimeSpan.Zero), clock);
        var urls = Enumerable.Range(1, 6).SelectMany(i => new[] { server.Url($"/hold/{i}"), server.OtherHostUrl($"/hold/{i}") }).ToList();

        var checking = checker.CheckAsync(urls);
        while (!checking.IsCompleted)
        {
            await server.WaitForHeldAsync(4, checking);
            server.ReleaseHeld();
        }
        var results = await checking;

        Assert.All(results.Values, r => Assert.Equal(LinkState.Alive, r.State));
        Assert.Equal(12, server.TotalRequests);
        Assert.Equal(2, server.MaxInFlight(server.Base));
        Assert.Equal(2, server.MaxInFlight(server.OtherBase));
        Assert.Equal(4, server.MaxInFlightOverall);
    }

    [Fact]
    public async Task Checker_keeps_all_hosts_together_at_the_overall_limit()
    {
        await using var server = await LinkServer.StartAsync();
        var clock = new TestClock();
        using var checker = new ExternalLinkChecker(new ExternalCheckOptions { PerHostLimit = 2, TotalLimit = 3 }, LinkCache.Empty(TimeSpan.Zero), clock);
        var urls = Enumerable.Range(1, 6).SelectMany(i => new[] { server.Url($"/hold/{i}"), server.OtherHostUrl($"/hold/{i}") }).ToList();

        var checking = checker.CheckAsync(urls);
        // The first round fills the overall limit (each host alone could send 2). After it, which
        // host's requests remain depends on the order the limiter let them through, so a later
        // round may only ever reach 2 (both from one host): later rounds release whatever is held.
        await server.WaitForHeldAsync(3, checking);
        server.ReleaseHeld();
        while (!checking.IsCompleted)
        {
            await server.WaitForHeldAsync(1, checking);
            server.ReleaseHeld();
        }
        var results = await checking;

        Assert.All(results.Values, r => Assert.Equal(LinkState.Alive, r.State));
        Assert.Equal(12, server.TotalRequests);
        Assert.Equal(3, server.MaxInFlightOverall);
        Assert.InRange(server.MaxInFlight(server.Base), 1, 2);
        Assert.InRange(server.MaxInFlight(server.OtherBase), 1, 2);
    }
}
