using Polly.Timeout;

namespace RoadmapGen.Check.External;

/// <summary>
/// Checks that absolute http(s) URLs still answer: HEAD first (cheap), GET when a server
/// refuses HEAD, and says what the answer means for a reader (<see cref="LinkState"/>). The
/// retries, waits and limits are the client's (<see cref="ResilientHttp"/>). Each distinct URL
/// is asked once per run, and not at all when the cache knows it.
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
        _client = ResilientHttp.Create(options, _limiter, _time);
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
        var attempts = ResilientHttp.Track(request);
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

    public void Dispose()
    {
        _client.Dispose();
        _limiter.Dispose();
    }
}
