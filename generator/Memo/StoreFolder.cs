using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace RoadmapGen.Memo;

/// <summary>
/// Where the stores kept between runs live (<see cref="HighlightStore"/>, <see cref="GuardStore"/>,
/// <see cref="PageLinksStore"/>, <see cref="HistoryStore"/>), how each is named after the generator that wrote it (and, for
/// the stores that hold one site's results, after the site's content folder), how it is replaced
/// and how many are kept. Every store is only a saving of time: losing, breaking or failing to
/// write one never fails a build.
/// </summary>
internal static class StoreFolder
{
    /// <summary>
    /// Files of one store kept at most (this build's among them): enough for the sites one person
    /// or one CI runner builds by turns, while a test run's or a tutorial's throw-away sites cannot
    /// make the folder grow without bound.
    /// </summary>
    public const int KeptPerStore = 8;

    /// <summary>A file no build has read or written for this long is deleted by the next save of its store.</summary>
    public static readonly TimeSpan KeptUnused = TimeSpan.FromDays(7);

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

    /// <summary>
    /// Which site a store holds: a short hash of its content folder's full path, so two sites
    /// built by turns with one cache folder each keep their own file instead of replacing each
    /// other's. Only a name: what a store keeps is found by the hash of what it was made from, so
    /// a site moved to another folder merely starts cold.
    /// </summary>
    public static string Site(string contentFolder)
    {
        var path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(contentFolder));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..12];
    }

    /// <summary>
    /// What a store's file holds, or null when there is none or it is broken (a full disk, a killed
    /// process): the next save replaces it. A file read is marked as used, so the sites being built
    /// keep theirs when others come and go (<see cref="Replace"/> keeps the most recently used).
    /// </summary>
    public static T? Read<T>(string file, JsonTypeInfo<T> type) where T : class
    {
        if (!File.Exists(file)) return null;
        T? read;
        try
        {
            using var stream = File.OpenRead(file);
            read = JsonSerializer.Deserialize(stream, type);
        }
        catch (JsonException)
        {
            return null;
        }
        try
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder shared read-only: the file is only deleted sooner.
        }
        return read;
    }

    /// <summary>
    /// Writes the file whole or not at all (another build may read it meanwhile), then deletes,
    /// of the other files with the same prefix (other sites', other generators'), those unused
    /// for <see cref="KeptUnused"/> and all but the <see cref="KeptPerStore"/> most recently used.
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
            var unusedSince = DateTime.UtcNow - KeptUnused;
            var others = Directory.GetFiles(folder, prefix + "-*.json")
                .Where(f => f != file)
                .Select(f => (File: f, Used: File.GetLastWriteTimeUtc(f)))
                .OrderByDescending(f => f.Used)
                .ToList();
            for (var i = 0; i < others.Count; i++)
                if (i >= KeptPerStore - 1 || others[i].Used < unusedSince) File.Delete(others[i].File);
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
