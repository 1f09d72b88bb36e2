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
