using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using RoadmapGen.Check.External;

namespace RoadmapGen.Tests.External;

public class ExternalLinkCheckerTests
{
    /// <summary>
    /// Short waits, so the misbehaving endpoints cost a test little time; the timeout stays
    /// generous because a test's first request pays for JIT-compiling the HTTP stack.
    /// </summary>
    private static readonly ExternalCheckOptions Fast = new()
    {
        Timeout = TimeSpan.FromSeconds(10),
        Retries = 2,
        RetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryAfter = TimeSpan.FromSeconds(5),
    };

    private static async Task<LinkResult> CheckOne(LinkServer server, string path, ExternalCheckOptions? options = null)
    {
        using var checker = new ExternalLinkChecker(options ?? Fast, LinkCache.Empty(TimeSpan.Zero));
        var results = await checker.CheckAsync([server.Url(path)]);
        return results[server.Url(path)];
    }

    [Fact]
    public async Task Link_answering_200_is_alive()
    {
        await using var server = await LinkServer.StartAsync();
        var result = await CheckOne(server, "/ok");
        Assert.Equal(LinkState.Alive, result.State);
        Assert.Equal(["HEAD"], server.RequestsTo("/ok").Select(r => r.Method));
    }

    [Fact]
    public async Task Link_answering_404_is_dead_with_its_status()
    {
        await using var server = await LinkServer.StartAsync();
        var result = await CheckOne(server, "/missing");
        Assert.Equal(LinkState.Dead, result.State);
        Assert.Equal(404, result.Status);
        Assert.StartsWith("404", result.Detail);
        Assert.True(result.IsSettled);
    }

    [Fact]
    public async Task Server_error_is_retried_and_the_later_200_counts()
    {
        await using var server = await LinkServer.StartAsync();
        var result = await CheckOne(server, "/flaky");
        Assert.Equal(LinkState.Alive, result.State);
        Assert.Equal(2, server.RequestsTo("/flaky").Count);
    }

    [Fact]
    public async Task Too_many_requests_waits_for_retry_after_then_succeeds()
    {
        await using var server = await LinkServer.StartAsync();
        // Time is the test's: the checker's wait for Retry-After ends only when the test moves the clock.
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", CultureInfo.InvariantCulture));
        using var checker = new ExternalLinkChecker(Fast, LinkCache.Empty(TimeSpan.Zero, clock), clock);
        var checking = checker.CheckAsync([server.Url("/busy")]);

        var start = clock.GetUtcNow();
        // The test moves the clock in small steps until the retry arrives; however slow the
        // machine, the retry can only come once the checker's clock has passed Retry-After.
        while (server.RequestsTo("/busy").Count < 2 && !checking.IsCompleted)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }
        var results = await checking;

        // Retry-After: 1 means no second request within the first second.
        Assert.True(clock.GetUtcNow() - start >= TimeSpan.FromSeconds(1), $"retried after {(clock.GetUtcNow() - start).TotalMilliseconds} ms of the checker's time");
        Assert.Equal(LinkState.Alive, results[server.Url("/busy")].State);
        Assert.Equal(2, server.RequestsTo("/busy").Count);
    }

    [Fact]
    public async Task Retry_after_date_far_away_is_cut_to_the_cap()
    {
        await using var server = await LinkServer.StartAsync();
        var result = await CheckOne(server, "/busy-for-an-hour", Fast with { MaxRetryAfter = TimeSpan.FromMilliseconds(100) });
        Assert.Equal(LinkState.Alive, result.State);
        Assert.Equal(2, server.RequestsTo("/busy-for-an-hour").Count);
    }

    [Fact]
    public async Task Head_refused_with_405_falls_back_to_get()
    {
        await using var server = await LinkServer.StartAsync();
        var result = await CheckOne(server, "/no-head");
        Assert.Equal(LinkState.Alive, result.State);
        Assert.Equal(["HEAD", "GET"], server.RequestsTo("/no-head").Select(r => r.Method));
    }

    [Fact]
    public async Task Link_that_never_answers_times_out_after_its_retries_and_is_dead()
    {
        await using var server = await LinkServer.StartAsync();
        var result = await CheckOne(server, "/slow", Fast with { Timeout = TimeSpan.FromSeconds(1), Retries = 1 });
        Assert.Equal(LinkState.Dead, result.State);
        Assert.Null(result.Status);
        Assert.Contains("no answer within", result.Detail);
        Assert.Contains("after 2 attempts", result.Detail);
        // The checker made two attempts (above); on a loaded machine the second one can time out
        // before the test server has even logged its request, so the server's count is 1 or 2.
        Assert.InRange(server.RequestsTo("/slow").Count, 1, 2);
        Assert.False(result.IsSettled);
    }

    [Fact]
    public async Task Server_refusing_the_checker_is_blocked_not_dead()
    {
        await using var server = await LinkServer.StartAsync();
        var result = await CheckOne(server, "/forbidden");
        Assert.Equal(LinkState.Blocked, result.State);
        Assert.Equal(403, result.Status);
    }

    [Fact]
    public async Task Requests_to_one_host_never_exceed_the_per_host_limit()
    {
        await using var server = await LinkServer.StartAsync();
        using var checker = new ExternalLinkChecker(Fast with { PerHostLimit = 2, TotalLimit = 16 }, LinkCache.Empty(TimeSpan.Zero));
        var urls = Enumerable.Range(1, 8).Select(i => server.Url($"/parallel/{i}")).ToList();
        var results = await checker.CheckAsync(urls);
        Assert.All(results.Values, r => Assert.Equal(LinkState.Alive, r.State));
        Assert.Equal(8, server.TotalRequests);
        Assert.Equal(2, server.MaxInFlight);
    }

    [Fact]
    public async Task Each_url_is_asked_once_however_often_it_is_linked()
    {
        await using var server = await LinkServer.StartAsync();
        using var checker = new ExternalLinkChecker(Fast, LinkCache.Empty(TimeSpan.Zero));
        var results = await checker.CheckAsync([server.Url("/ok"), server.Url("/ok"), server.Url("/ok")]);
        Assert.Single(results);
        Assert.Single(server.RequestsTo("/ok"));
    }

    [Fact]
    public void Retry_after_is_read_as_seconds_or_a_date_and_capped()
    {
        var now = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var cap = TimeSpan.FromSeconds(60);
        Assert.Equal(TimeSpan.FromSeconds(5), ExternalLinkChecker.RetryAfterDelay(new(TimeSpan.FromSeconds(5)), now, cap));
        Assert.Equal(TimeSpan.FromSeconds(30), ExternalLinkChecker.RetryAfterDelay(new(now.AddSeconds(30)), now, cap));
        Assert.Equal(cap, ExternalLinkChecker.RetryAfterDelay(new(now.AddDays(1)), now, cap));
        Assert.Equal(cap, ExternalLinkChecker.RetryAfterDelay(new(TimeSpan.FromHours(2)), now, cap));
        Assert.Equal(TimeSpan.Zero, ExternalLinkChecker.RetryAfterDelay(new(now.AddSeconds(-30)), now, cap));
        Assert.Null(ExternalLinkChecker.RetryAfterDelay(null, now, cap));
    }
}
