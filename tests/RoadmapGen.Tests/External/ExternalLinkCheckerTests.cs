using RoadmapGen.Check.External;

namespace RoadmapGen.Tests.External;

/// <summary>
/// The checker against the local server, on a <see cref="TestClock"/>: a retry's delay and an
/// attempt's timeout end only when the test moves the clock, so no test waits for real time.
/// </summary>
public class ExternalLinkCheckerTests
{
    private static readonly ExternalCheckOptions Options = new()
    {
        Timeout = TimeSpan.FromSeconds(10),
        Retries = 2,
        RetryDelay = TimeSpan.FromSeconds(1),
        MaxRetryAfter = TimeSpan.FromSeconds(5),
    };

    /// <summary>A checker with nothing cached, on the test's clock.</summary>
    private static ExternalLinkChecker Checker(TestClock clock, ExternalCheckOptions? options = null) =>
        new(options ?? Options, LinkCache.Empty(TimeSpan.Zero, clock), clock);

    /// <summary>Checks one URL; the waits of retries run out at once, the attempts' timeouts never.</summary>
    private static async Task<(LinkResult Result, TestClock Clock)> CheckOne(LinkServer server, string path, ExternalCheckOptions? options = null)
    {
        options ??= Options;
        var clock = new TestClock();
        using var checker = Checker(clock, options);
        var results = await clock.DriveAsync(checker.CheckAsync([server.Url(path)]), advance: wait => wait != options.Timeout);
        return (results[server.Url(path)], clock);
    }

    private static void AssertNoRetry(TestClock clock) => Assert.All(clock.Waits, wait => Assert.Equal(Options.Timeout, wait));

    [Fact]
    public async Task Link_answering_200_is_alive()
    {
        await using var server = await LinkServer.StartAsync();
        var (result, clock) = await CheckOne(server, "/ok");
        Assert.Equal(LinkState.Alive, result.State);
        Assert.Equal(["HEAD"], server.RequestsTo("/ok").Select(r => r.Method));
        AssertNoRetry(clock);
    }

    [Fact]
    public async Task Link_answering_404_is_dead_with_its_status_and_not_retried()
    {
        await using var server = await LinkServer.StartAsync();
        var (result, clock) = await CheckOne(server, "/missing");
        Assert.Equal(LinkState.Dead, result.State);
        Assert.Equal(404, result.Status);
        Assert.Equal("404 Not Found", result.Detail);
        Assert.True(result.IsSettled);
        // HEAD, then GET because many servers answer HEAD badly; neither is asked twice.
        Assert.Equal(["HEAD", "GET"], server.RequestsTo("/missing").Select(r => r.Method));
        AssertNoRetry(clock);
    }

    [Fact]
    public async Task Service_unavailable_is_retried_after_a_backoff_and_the_later_200_counts()
    {
        await using var server = await LinkServer.StartAsync();
        var clock = new TestClock();
        using var checker = Checker(clock);
        var checking = checker.CheckAsync([server.Url("/flaky")]);

        var results = await clock.DriveAsync(checking, advance: wait => wait != Options.Timeout);

        Assert.Equal(LinkState.Alive, results[server.Url("/flaky")].State);
        Assert.Equal(["HEAD", "HEAD"], server.RequestsTo("/flaky").Select(r => r.Method));
        // Exponential backoff with jitter: the first retry waits about RetryDelay, never the attempt's timeout.
        Assert.InRange(clock.Waits.Count(wait => wait != Options.Timeout), 0, 1);
        Assert.All(clock.Waits.Where(wait => wait != Options.Timeout), wait => Assert.InRange(wait, TimeSpan.Zero, 4 * Options.RetryDelay));
    }

    [Fact]
    public async Task Too_many_requests_waits_for_its_retry_after_on_the_checkers_clock_then_succeeds()
    {
        await using var server = await LinkServer.StartAsync();
        var clock = new TestClock();
        using var checker = Checker(clock);
        var checking = checker.CheckAsync([server.Url("/busy")]);

        // Retry-After: 1 — the checker starts a wait of exactly one second and asks nothing meanwhile.
        var wait = await clock.NextWaitAsync(w => w != Options.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        Assert.Single(server.RequestsTo("/busy"));
        Assert.False(checking.IsCompleted);

        clock.Advance(wait);
        var results = await checking.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(LinkState.Alive, results[server.Url("/busy")].State);
        Assert.Equal(2, server.RequestsTo("/busy").Count);
    }

    [Fact]
    public async Task Retry_after_date_far_away_is_cut_to_the_cap()
    {
        await using var server = await LinkServer.StartAsync();
        var (result, clock) = await CheckOne(server, "/busy-for-an-hour");
        Assert.Equal(LinkState.Alive, result.State);
        Assert.Equal(2, server.RequestsTo("/busy-for-an-hour").Count);
        Assert.Equal([Options.MaxRetryAfter], clock.Waits.Where(wait => wait != Options.Timeout));
    }

    [Fact]
    public async Task Link_still_failing_after_every_retry_is_dead_with_its_attempts_and_asked_again_next_time()
    {
        await using var server = await LinkServer.StartAsync();
        var (result, _) = await CheckOne(server, "/down");
        Assert.Equal(LinkState.Dead, result.State);
        Assert.Equal(503, result.Status);
        Assert.Equal("503 Service Unavailable after 3 attempts", result.Detail);
        Assert.Equal(3, server.RequestsTo("/down").Count);
        Assert.False(result.IsSettled);
    }

    [Fact]
    public async Task Head_refused_with_405_falls_back_to_get()
    {
        await using var server = await LinkServer.StartAsync();
        var (result, _) = await CheckOne(server, "/no-head");
        Assert.Equal(LinkState.Alive, result.State);
        Assert.Equal(["HEAD", "GET"], server.RequestsTo("/no-head").Select(r => r.Method));
    }

    [Fact]
    public async Task Head_not_implemented_falls_back_to_get_without_a_retry()
    {
        await using var server = await LinkServer.StartAsync();
        var (result, clock) = await CheckOne(server, "/head-not-implemented");
        Assert.Equal(LinkState.Alive, result.State);
        Assert.Equal(["HEAD", "GET"], server.RequestsTo("/head-not-implemented").Select(r => r.Method));
        AssertNoRetry(clock);
    }

    [Fact]
    public async Task Link_that_never_answers_times_out_after_its_retries_and_is_dead()
    {
        await using var server = await LinkServer.StartAsync();
        var options = Options with { Retries = 1 };
        var clock = new TestClock();
        using var checker = Checker(clock, options);

        // Every wait runs out at once: each attempt's timeout as well as the backoff between them.
        var results = await clock.DriveAsync(checker.CheckAsync([server.Url("/slow")]), advance: _ => true);

        var result = results[server.Url("/slow")];
        Assert.Equal(LinkState.Dead, result.State);
        Assert.Null(result.Status);
        Assert.Equal("no answer within 10 s after 2 attempts", result.Detail);
        Assert.Equal(2, clock.Waits.Count(wait => wait == options.Timeout));
        Assert.False(result.IsSettled);
    }

    [Fact]
    public async Task Server_refusing_the_checker_is_blocked_not_dead()
    {
        await using var server = await LinkServer.StartAsync();
        var (result, clock) = await CheckOne(server, "/forbidden");
        Assert.Equal(LinkState.Blocked, result.State);
        Assert.Equal(403, result.Status);
        AssertNoRetry(clock);
    }

    [Fact]
    public async Task Each_url_is_asked_once_however_often_it_is_linked()
    {
        await using var server = await LinkServer.StartAsync();
        var clock = new TestClock();
        using var checker = Checker(clock);
        var results = await checker.CheckAsync([server.Url("/ok"), server.Url("/ok"), server.Url("/ok")]).WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Single(results);
        Assert.Single(server.RequestsTo("/ok"));
    }

    [Fact]
    public void Retry_after_is_read_as_seconds_or_a_date_and_capped()
    {
        var now = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var cap = TimeSpan.FromSeconds(60);
        Assert.Equal(TimeSpan.FromSeconds(5), ResilientHttp.RetryAfterDelay(new(TimeSpan.FromSeconds(5)), now, cap));
        Assert.Equal(TimeSpan.FromSeconds(30), ResilientHttp.RetryAfterDelay(new(now.AddSeconds(30)), now, cap));
        Assert.Equal(cap, ResilientHttp.RetryAfterDelay(new(now.AddDays(1)), now, cap));
        Assert.Equal(cap, ResilientHttp.RetryAfterDelay(new(TimeSpan.FromHours(2)), now, cap));
        Assert.Equal(TimeSpan.Zero, ResilientHttp.RetryAfterDelay(new(now.AddSeconds(-30)), now, cap));
        Assert.Null(ResilientHttp.RetryAfterDelay(null, now, cap));
    }
}
