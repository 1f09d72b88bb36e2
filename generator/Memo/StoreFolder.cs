using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace RoadmapGen.Memo;

/// <summary>
/// Where the stores kept between runs live (<see cref="HighlightStore"/>, <see cref="PageLinksStore"/>, <see cref="GuardStore"/>, <see cref="HistoryStore"/>),
/// how each is named after the generator that wrote it, and how it is replaced. Every store is
/// only a saving of time: losing, breaking or failing to write one never fails a build.
/// </summary>
internal static class StoreFolder
{
    /// <summary>
    /// <c>$ROADMAPGEN_CACHE</c>, else <c>$XDG_CACHE_HOME/roadmapgen</c>, else <c>~/.cache/roadmapgen</c>;
    /// null when <c>ROADMAPGEN_CACHE=off</c> or there is nowhere to keep.
    /// </summary>
    public static string? Configured()
    {
        var configured = Environment.GetEnvironmentVariable("ROADMAPGEN_CACHE");
        if (string.Equals(configured, "off", StringComparison.OrdinalIgnoreCase)) return null;
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrWhiteSpace(xdg)) return Path.Combine(xdg, "roadmapgen");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "roadmapgen");
    }

    /// <summary>
    /// Which generator wrote a store: the compiler derives the module version id from the
    /// compilation's inputs (builds are deterministic), so it changes with any source change and
    /// with the build configuration, never with a file's time; and the versions of the libraries
    /// whose results the store keeps.
    /// </summary>
    public static string Stamp(params Type[] libraries)
    {
        var stamp = new StringBuilder(typeof(StoreFolder).Module.ModuleVersionId.ToString());
        foreach (var library in libraries) stamp.Append('|').Append(library.Assembly.GetName().Version);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stamp.ToString())))[..16];
    }

    /// <summary>What a store's file holds, or null when there is none or it is broken (a full disk, a killed process): the next save replaces it.</summary>
    public static T? Read<T>(string file, JsonTypeInfo<T> type) where T : class
    {
        if (!File.Exists(file)) return null;
        try
        {
            using var stream = File.OpenRead(file);
            return JsonSerializer.Deserialize(stream, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes the file whole or not at all (another build may read it meanwhile), then deletes the
    /// files other generators left with the same prefix more than a week ago.
    /// </summary>
    public static void Replace(string file, string prefix, Action<Stream> write)
    {
        try
        {
            var folder = Path.GetDirectoryName(file)!;
            Directory.CreateDirectory(folder);
            var temp = file + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
            using (var stream = File.Create(temp)) write(stream);
            File.Move(temp, file, overwrite: true);
            foreach (var old in Directory.GetFiles(folder, prefix + "-*.json"))
                if (old != file && File.GetLastWriteTimeUtc(old) < DateTime.UtcNow.AddDays(-7)) File.Delete(old);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nowhere to keep it this time: the next build does the work again.
        }
    }
}

[JsonSerializable(typeof(StoredPages))]
[JsonSerializable(typeof(StoredGuards))]
[JsonSerializable(typeof(StoredHistory))]
internal sealed partial class StoreJson : JsonSerializerContext;
