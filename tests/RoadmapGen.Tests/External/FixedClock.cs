namespace RoadmapGen.Tests.External;

/// <summary>A clock that only moves when told to, for cache ages.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}
