using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RoadmapGen.Memo;

/// <summary>
/// Highlighted blocks kept between runs, because a TextMate grammar costs far more the first time
/// a process uses it (its patterns are compiled as lines need them) than every block after: on
/// the real site, most of a cold build. One file per generator build, under the user's cache
/// folder (<c>$ROADMAPGEN_CACHE</c>, else <c>$XDG_CACHE_HOME/roadmapgen</c>, else
/// <c>~/.cache/roadmapgen</c>; <c>ROADMAPGEN_CACHE=off</c> keeps nothing). The file's name
/// carries the generator's module version id and the grammar package's version, so a changed
/// generator never reads what another one wrote, while the same sources built again (as CI does
/// on every run, where actions/cache keeps the folder) read it. Losing the file only costs time.
/// Unlike the other stores, not one file per site: a save writes what was read with what was
/// added, so sites built by turns share the file and each finds its blocks (up to <see cref="MaxEntries"/>).
/// </summary>
internal sealed class HighlightStore
{
    private const int MaxEntries = 50_000;

    private readonly string _file;
    private readonly ConcurrentDictionary<string, string> _entries;
    private int _added;

    private HighlightStore(string file, ConcurrentDictionary<string, string> entries)
    {
        _file = file;
        _entries = entries;
    }

    /// <summary>The store of this generator, or null when keeping is off or there is nowhere to keep.</summary>
    public static HighlightStore? Open() => StoreFolder.Configured() is { } folder ? Open(folder) : null;

    public static HighlightStore? Open(string folder)
    {
        try
        {
            var file = Path.Combine(folder, $"highlight-{StoreFolder.Stamp(typeof(TextMateSharp.Registry.Registry), typeof(TextMateSharp.Grammars.RegistryOptions))}.json");
            var entries = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
            if (StoreFolder.Read(file, HighlightStoreJson.Default.DictionaryStringString) is { } read)
                foreach (var (key, html) in read) entries[key] = html;
            return new HighlightStore(file, entries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static string Key(string language, string code)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(language + "\n" + code), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>"" stands for "write this block plain", which is kept too.</summary>
    public bool TryGet(string key, out string? html)
    {
        var found = _entries.TryGetValue(key, out var kept);
        html = kept is "" ? null : kept;
        return found;
    }

    public void Add(string key, string? html)
    {
        if (_entries.Count >= MaxEntries) return;
        if (_entries.TryAdd(key, html ?? "")) Interlocked.Increment(ref _added);
    }

    /// <summary>Writes the store when it learned something, atomically (another build may read it meanwhile).</summary>
    public void Save()
    {
        if (Interlocked.Exchange(ref _added, 0) == 0) return;
        StoreFolder.Replace(_file, "highlight", stream =>
            JsonSerializer.Serialize(stream, new Dictionary<string, string>(_entries, StringComparer.Ordinal), HighlightStoreJson.Default.DictionaryStringString));
    }
}

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class HighlightStoreJson : JsonSerializerContext;
