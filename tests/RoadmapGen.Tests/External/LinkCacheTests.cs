using Microsoft.Extensions.Time.Testing;
using RoadmapGen.Check.External;

namespace RoadmapGen.Tests.External;

public sealed class LinkCacheTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 6, 0, 0, TimeSpan.Zero);

    private readonly string _work = TestPaths.NewTempDir();

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void Answers_older_than_the_max_age_are_forgotten()
    {
        var path = Path.Combine(_work, "cache.json");
        var clock = new FakeTimeProvider(Monday);
        var cache = LinkCache.Empty(TimeSpan.FromDays(1), clock);
        cache.Store(new LinkResult("https://a.example/", LinkState.Alive, 200, "200 OK", Monday));
        cache.Save(path);

        clock.SetUtcNow(Monday.AddHours(23));
        Assert.True(LinkCache.Load(path, TimeSpan.FromDays(1), clock).TryGet("https://a.example/", out var remembered));
        Assert.True(remembered.FromCache);
        Assert.Equal(LinkState.Alive, remembered.State);

        clock.SetUtcNow(Monday.AddHours(25));
        Assert.False(LinkCache.Load(path, TimeSpan.FromDays(1), clock).TryGet("https://a.example/", out _));
    }

    [Fact]
    public void Only_settled_answers_are_remembered()
    {
        var cache = LinkCache.Empty(TimeSpan.FromDays(1), new FakeTimeProvider(Monday));
        cache.Store(new LinkResult("https://gone.example/", LinkState.Dead, 404, "404 Not Found", Monday));
        cache.Store(new LinkResult("https://down.example/", LinkState.Dead, 503, "503 Service Unavailable", Monday));
        cache.Store(new LinkResult("https://slow.example/", LinkState.Dead, null, "no answer within 20 s", Monday));
        cache.Store(new LinkResult("https://busy.example/", LinkState.RateLimited, 429, "429 Too Many Requests", Monday));
        Assert.True(cache.TryGet("https://gone.example/", out _));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Damaged_cache_file_is_an_empty_cache()
    {
        var path = Path.Combine(_work, "cache.json");
        File.WriteAllText(path, "{ \"version\": 1, \"entries\": { \"https://a.example/\": ");
        Assert.Equal(0, LinkCache.Load(path, TimeSpan.FromDays(1)).Count);
    }
}
