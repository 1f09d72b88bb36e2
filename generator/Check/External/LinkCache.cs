using System.Text.Json;
using System.Text.Json.Serialization;

namespace RoadmapGen.Check.External;

/// <summary>
/// Results of earlier external checks, kept in a JSON file so a re-run (or the next scheduled
/// CI run, which restores the file) does not fetch every URL again. Only settled answers are
/// kept: a link that timed out or was rate-limited is asked again next time.
/// </summary>
public sealed class LinkCache
{
    public const string DefaultFileName = ".roadmapgen-link-cache.json";
    private const int FormatVersion = 1;

    private readonly Dictionary<string, Entry> _entries;
    private readonly TimeSpan _maxAge;
    private readonly TimeProvider _time;

    public sealed record Entry(
        [property: JsonPropertyName("checkedAt")] DateTimeOffset CheckedAt,
        [property: JsonPropertyName("state")] LinkState State,
        [property: JsonPropertyName("status")] int? Status,
        [property: JsonPropertyName("detail")] string Detail);

    internal sealed record FileFormat(
        [property: JsonPropertyName("version")] int Version,
        [property: JsonPropertyName("entries")] Dictionary<string, Entry> Entries);

    private LinkCache(Dictionary<string, Entry> entries, TimeSpan maxAge, TimeProvider time)
    {
        _entries = entries;
        _maxAge = maxAge;
        _time = time;
    }

    public int Count => _entries.Count;

    public static LinkCache Empty(TimeSpan maxAge, TimeProvider? time = null) =>
        new(new Dictionary<string, Entry>(StringComparer.Ordinal), maxAge, time ?? TimeProvider.System);

    /// <summary>Reads the cache; a missing, unreadable or older-format file is an empty cache, never an error.</summary>
    public static LinkCache Load(string path, TimeSpan maxAge, TimeProvider? time = null)
    {
        var cache = Empty(maxAge, time);
        if (!File.Exists(path)) return cache;
        try
        {
            var file = JsonSerializer.Deserialize(File.ReadAllText(path), LinkCacheJson.Default.FileFormat);
            if (file?.Version != FormatVersion || file.Entries is null) return cache;
            foreach (var (url, entry) in file.Entries)
                if (cache.IsFresh(entry)) cache._entries[url] = entry;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // A damaged cache only costs a slower run; the check itself must not fail because of it.
        }
        return cache;
    }

    private bool IsFresh(Entry entry)
    {
        var age = _time.GetUtcNow() - entry.CheckedAt;
        return age >= TimeSpan.Zero && age <= _maxAge;
    }

    public bool TryGet(string url, out LinkResult result)
    {
        Entry? entry;
        // Checks run concurrently: one may store while another looks up.
        lock (_entries) _entries.TryGetValue(url, out entry);
        if (entry is not null && IsFresh(entry))
        {
            result = new LinkResult(url, entry.State, entry.Status, entry.Detail, entry.CheckedAt, FromCache: true);
            return true;
        }
        result = null!;
        return false;
    }

    public void Store(LinkResult result)
    {
        if (!result.IsSettled) return;
        lock (_entries) _entries[result.Url] = new Entry(result.CheckedAt, result.State, result.Status, result.Detail);
    }

    /// <summary>Writes through a temporary file, so an interrupted run never leaves half a cache.</summary>
    public void Save(string path)
    {
        Dictionary<string, Entry> fresh;
        lock (_entries)
            fresh = _entries.Where(e => IsFresh(e.Value))
                .OrderBy(e => e.Key, StringComparer.Ordinal)
                .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new FileFormat(FormatVersion, fresh), LinkCacheJson.Default.FileFormat));
        File.Move(temporary, full, overwrite: true);
    }
}

/// <summary>Link states as camelCase names ("rateLimited"), readable in the committed cache file.</summary>
internal sealed class LinkStateNames() : JsonStringEnumConverter<LinkState>(JsonNamingPolicy.CamelCase);

[JsonSourceGenerationOptions(WriteIndented = true, Converters = [typeof(LinkStateNames)])]
[JsonSerializable(typeof(LinkCache.FileFormat))]
internal sealed partial class LinkCacheJson : JsonSerializerContext;
