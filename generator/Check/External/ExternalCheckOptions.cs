namespace RoadmapGen.Check.External;

/// <summary>How politely and how long <c>check --external</c> asks: the limits, timeouts and retries of <see cref="ResilientHttp"/>.</summary>
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
