using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.RateLimiting;
using Polly.Timeout;

namespace RoadmapGen.Check.External;

public enum LinkState
{
    Alive,
    /// <summary>Not found, gone, or never answered: a reader following the link gets nothing.</summary>
    Dead,
    /// <summary>The server refused the checker (401, 403, LinkedIn's 999); a browser usually gets through.</summary>
    Blocked,
    /// <summary>Still 429 after every retry: unknown, not dead.</summary>
    RateLimited,
}

public sealed record LinkResult(string Url, LinkState State, int? Status, string Detail, DateTimeOffset CheckedAt, bool FromCache = false)
{
    /// <summary>
    /// An answer worth remembering: alive, refused, or a definite 4xx. Timeouts, 5xx, network
    /// errors and rate limits may be gone tomorrow, so they are asked again on the next run.
    /// </summary>
    public bool IsSettled => State is LinkState.Alive or LinkState.Blocked
        || State == LinkState.Dead && Status is >= 400 and < 500 and not 408 and not 429;
}

public sealed record ExternalCheckOptions
{
    public int PerHostLimit { get; init; } = 2;
    public int TotalLimit { get; init; } = 16;
    /// <summary>For one attempt of one request (HEAD, or the GET that follows it); a retry gets a fresh timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);
    /// <summary>Further attempts after a 5xx (but 501), 408, 429, timeout or network error.</summary>
    public int Retries { get; init; } = 2;
    /// <summary>Base of the exponential backoff (with jitter) before a retry, when the answer names no Retry-After.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>A Retry-After longer than this is cut to it, so one host cannot stall the run for hours.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);
    public string UserAgent { get; init; } = "Mozilla/5.0 (compatible; RoadmapGen-LinkChecker/1.0)";
}

/// <summary>
/// Checks that absolute http(s) URLs still answer: HEAD first (cheap), GET when a server
/// refuses HEAD. Every request goes through a resilience pipeline on the HttpClient
/// (Microsoft.Extensions.Http.Resilience): transient failures are retried with exponential
/// backoff and jitter, a Retry-After is waited out, each attempt has its own timeout, and a
/// <see cref="HostLimiter"/> keeps the requests in flight per host and overall within limits.
/// Each distinct URL is asked once per run, and not at all when the cache knows it.
/// </summary>
public sealed class ExternalLinkChecker : IDisposable
{
    private readonly ExternalCheckOptions _options;
    private readonly LinkCache _cache;
    private readonly HostLimiter _limiter;
    private readonly HttpClient _client;
    private readonly TimeProvider _time;
    private int _fetched;

    /// <param name="time">The clock of the retry delays and the timeouts; tests pass a fake one.</param>
    public ExternalLinkChecker(ExternalCheckOptions options, LinkCache cache, TimeProvider? time = null)
    {
        _options = options;
        _cache = cache;
        _time = time ?? TimeProvider.System;
        _limiter = new HostLimiter(options.PerHostLimit, options.TotalLimit);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 10,
            ConnectTimeout = options.Timeout,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
        var resilience = new ResilienceHandler(Pipeline(options, _limiter, _time)) { InnerHandler = handler };
        _client = new HttpClient(resilience) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
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
    private sealed class Attempts
    {
        public int Count = 1;
    }

    private static readonly HttpRequestOptionsKey<Attempts> AttemptsKey = new("RoadmapGen.Attempts");

    /// <summary>URLs that were fetched in this run (not answered from the cache).</summary>
    public int Fetched => _fetched;

    /// <summary>The URL a result is kept under: the fragment never changes what the server answers.</summary>
    public static string Key(Uri uri) => uri.GetLeftPart(UriPartial.Query);

    public async Task<IReadOnlyDictionary<string, LinkResult>> CheckAsync(IEnumerable<string> urls, CancellationToken cancellation = default)
    {
        var distinct = urls.Distinct(StringComparer.Ordinal).ToList();
        var results = await Task.WhenAll(distinct.Select(url => CheckOneAsync(url, cancellation))).ConfigureAwait(false);
        return results.ToDictionary(r => r.Url, StringComparer.Ordinal);
    }

    private async Task<LinkResult> CheckOneAsync(string url, CancellationToken cancellation)
    {
        if (_cache.TryGet(url, out var cached)) return cached;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return new LinkResult(url, LinkState.Dead, null, "not an absolute http(s) URL", _time.GetUtcNow());
        Interlocked.Increment(ref _fetched);
        var answer = await AskAsync(uri, cancellation).ConfigureAwait(false);
        var state = answer.Status switch
        {
            >= 200 and < 400 => LinkState.Alive,
            429 => LinkState.RateLimited,
            401 or 403 or 999 => LinkState.Blocked,
            _ => LinkState.Dead,
        };
        var detail = answer.Attempts > 1 && state != LinkState.Alive ? $"{answer.Detail} after {answer.Attempts} attempts" : answer.Detail;
        var result = new LinkResult(url, state, answer.Status, detail, _time.GetUtcNow());
        _cache.Store(result);
        return result;
    }

    private sealed record Answer(int? Status, string Detail, int Attempts);

    /// <summary>HEAD, then GET when the server will not answer HEAD properly (405, 501, and many a 4xx).</summary>
    private async Task<Answer> AskAsync(Uri uri, CancellationToken cancellation)
    {
        var head = await SendAsync(HttpMethod.Head, uri, cancellation).ConfigureAwait(false);
        return head.Status is >= 400 and < 500 and not 408 and not 429 or 501
            ? await SendAsync(HttpMethod.Get, uri, cancellation).ConfigureAwait(false)
            : head;
    }

    private async Task<Answer> SendAsync(HttpMethod method, Uri uri, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(method, uri);
        var attempts = new Attempts();
        request.Options.Set(AttemptsKey, attempts);
        try
        {
            // Only the status is needed: the body of a GET is never downloaded.
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var reason = string.IsNullOrWhiteSpace(response.ReasonPhrase) ? "" : " " + response.ReasonPhrase;
            return new Answer(status, $"{status}{reason}", attempts.Count);
        }
        catch (TimeoutRejectedException)
        {
            return new Answer(null, $"no answer within {_options.Timeout.TotalSeconds:0.#} s", attempts.Count);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            // The connect timeout of the handler, which runs on the real clock.
            return new Answer(null, $"no answer within {_options.Timeout.TotalSeconds:0.#} s", attempts.Count);
        }
        catch (HttpRequestException e)
        {
            return new Answer(null, $"request failed: {(e.InnerException ?? e).Message}", attempts.Count);
        }
    }

    /// <summary>A Retry-After of seconds or an HTTP date, as a wait from <paramref name="now"/>, never above <paramref name="cap"/>.</summary>
    public static TimeSpan? RetryAfterDelay(RetryConditionHeaderValue? header, DateTimeOffset now, TimeSpan cap)
    {
        var wait = header?.Delta ?? (header?.Date is { } date ? date - now : null);
        if (wait is null) return null;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > cap ? cap : wait;
    }

    public void Dispose()
    {
        _client.Dispose();
        _limiter.Dispose();
    }
}
