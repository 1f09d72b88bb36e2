using System.Net;
using System.Net.Http.Headers;

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
    /// <summary>For one request (HEAD, or the GET that follows it); a retry gets a fresh timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);
    /// <summary>Further attempts after a 5xx, 408, 429, timeout or network error.</summary>
    public int Retries { get; init; } = 2;
    /// <summary>Wait before the first retry; doubled for each further one.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>A Retry-After longer than this is cut to it, so one host cannot stall the run for hours.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);
    public string UserAgent { get; init; } = "Mozilla/5.0 (compatible; RoadmapGen-LinkChecker/1.0)";
}

/// <summary>
/// Checks that absolute http(s) URLs still answer: HEAD first (cheap), GET when a server
/// refuses HEAD, retries with exponential backoff on 5xx and timeouts, and waits out a 429's
/// Retry-After. Each distinct URL is asked once per run, and not at all when the cache knows it.
/// </summary>
public sealed class ExternalLinkChecker : IDisposable
{
    private readonly ExternalCheckOptions _options;
    private readonly LinkCache _cache;
    private readonly HttpClient _client;
    private readonly HostThrottle _throttle;
    private readonly TimeProvider _time;
    private int _fetched;

    public ExternalLinkChecker(ExternalCheckOptions options, LinkCache cache, TimeProvider? time = null)
    {
        _options = options;
        _cache = cache;
        _time = time ?? TimeProvider.System;
        _throttle = new HostThrottle(options.PerHostLimit, options.TotalLimit, _time);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 10,
            MaxConnectionsPerServer = options.PerHostLimit,
            ConnectTimeout = options.Timeout,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
        _client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
    }

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
        var result = await FetchAsync(url, uri, cancellation).ConfigureAwait(false);
        _cache.Store(result);
        return result;
    }

    private sealed record Answer(int? Status, string Detail, RetryConditionHeaderValue? RetryAfter = null);

    private async Task<LinkResult> FetchAsync(string url, Uri uri, CancellationToken cancellation)
    {
        var host = uri.Authority;
        for (var attempt = 0; ; attempt++)
        {
            var last = attempt >= _options.Retries;
            Answer answer;
            using (await _throttle.EnterAsync(host, cancellation).ConfigureAwait(false))
                answer = await AskAsync(uri, cancellation).ConfigureAwait(false);

            switch (answer.Status)
            {
                case >= 200 and < 400:
                    return Result(LinkState.Alive);
                case 429 when !last:
                    _throttle.Pause(host, RetryAfterDelay(answer.RetryAfter, _time.GetUtcNow(), _options.MaxRetryAfter) ?? Backoff(attempt));
                    continue;
                case 429:
                    return Result(LinkState.RateLimited);
                case 401 or 403 or 999:
                    return Result(LinkState.Blocked);
                case null or 408 or >= 500 when !last:
                    await Task.Delay(Backoff(attempt), _time, cancellation).ConfigureAwait(false);
                    continue;
                default:
                    return Result(LinkState.Dead);
            }

            LinkResult Result(LinkState state) => new(url, state, answer.Status,
                attempt > 0 && state != LinkState.Alive ? $"{answer.Detail} after {attempt + 1} attempts" : answer.Detail, _time.GetUtcNow());
        }
    }

    private TimeSpan Backoff(int attempt) => _options.RetryDelay * Math.Pow(2, attempt);

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
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(method, uri);
            // Only the status is needed: the body of a GET is never downloaded.
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var reason = string.IsNullOrWhiteSpace(response.ReasonPhrase) ? "" : " " + response.ReasonPhrase;
            return new Answer(status, $"{status}{reason}", response.Headers.RetryAfter);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return new Answer(null, $"no answer within {_options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return new Answer(null, $"request failed: {(e.InnerException ?? e).Message}");
        }
    }

    /// <summary>A Retry-After of seconds or an HTTP date, as a wait from <paramref name="now"/>, never above <paramref name="cap"/>.</summary>
    public static TimeSpan? RetryAfterDelay(RetryConditionHeaderValue? header, DateTimeOffset now, TimeSpan cap)
    {
        var wait = header?.Delta ?? (header?.Date is { } date ? date - now : null);
        if (wait is null) return null;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > cap ? cap : wait;
    }

    public void Dispose() => _client.Dispose();
}
