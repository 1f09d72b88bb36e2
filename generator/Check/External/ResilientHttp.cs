using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.RateLimiting;
using Polly.Timeout;

namespace RoadmapGen.Check.External;

/// <summary>
/// The HTTP side of the external check: one <see cref="HttpClient"/> whose resilience pipeline
/// (Microsoft.Extensions.Http.Resilience) retries transient failures with exponential backoff and
/// jitter, waits out a Retry-After, gives each attempt its own timeout, and keeps the requests in
/// flight per host and overall within the <see cref="HostLimiter"/>'s limits.
/// </summary>
internal static class ResilientHttp
{
    public static HttpClient Create(ExternalCheckOptions options, HostLimiter limiter, TimeProvider time)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 10,
            ConnectTimeout = options.Timeout,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
        var resilience = new ResilienceHandler(Pipeline(options, limiter, time)) { InnerHandler = handler };
        var client = new HttpClient(resilience) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        return client;
    }

    /// <summary>Counts the attempts the pipeline makes for <paramref name="request"/>.</summary>
    public static Attempts Track(HttpRequestMessage request)
    {
        var attempts = new Attempts();
        request.Options.Set(AttemptsKey, attempts);
        return attempts;
    }

    /// <summary>
    /// Retry (outermost, so a request waiting out its backoff holds no slot), then the host
    /// limit, then the timeout of one attempt.
    /// </summary>
    private static ResiliencePipeline<HttpResponseMessage> Pipeline(ExternalCheckOptions options, HostLimiter limiter, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        // Polly counts retries from 1; no retries means no retry strategy at all.
        if (options.Retries > 0)
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                // A Retry-After (on a 429 or a 503) is waited out, but never longer than the cap;
                // without one, the exponential backoff above decides.
                DelayGenerator = args => ValueTask.FromResult(
                    RetryAfterDelay(args.Outcome.Result?.Headers.RetryAfter, time.GetUtcNow(), options.MaxRetryAfter)),
                OnRetry = args =>
                {
                    if (args.Context.GetRequestMessage()?.Options.TryGetValue(AttemptsKey, out var attempts) == true) attempts.Count++;
                    return default;
                },
            });
        builder.AddRateLimiter(new RateLimiterStrategyOptions
        {
            RateLimiter = args => limiter.AcquireAsync(
                args.Context.GetRequestMessage()?.RequestUri is { } uri ? HostLimiter.HostOf(uri) : "", args.Context.CancellationToken),
        });
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.Timeout });
        return builder.Build();
    }

    /// <summary>408, 429, 5xx, network errors and timeouts; but 501 is an answer (HEAD is not implemented), not a hiccup.</summary>
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result?.StatusCode != HttpStatusCode.NotImplemented && HttpClientResiliencePredicates.IsTransient(outcome);

    /// <summary>How many attempts the pipeline made for one request, counted by its OnRetry.</summary>
    public sealed class Attempts
    {
        public int Count = 1;
    }

    private static readonly HttpRequestOptionsKey<Attempts> AttemptsKey = new("RoadmapGen.Attempts");

    /// <summary>A Retry-After of seconds or an HTTP date, as a wait from <paramref name="now"/>, never above <paramref name="cap"/>.</summary>
    public static TimeSpan? RetryAfterDelay(RetryConditionHeaderValue? header, DateTimeOffset now, TimeSpan cap)
    {
        var wait = header?.Delta ?? (header?.Date is { } date ? date - now : null);
        if (wait is null) return null;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > cap ? cap : wait;
    }
}
