using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Runtime.InteropServices;
using System.Text.Json;
using RoadmapGen.Render;

namespace RoadmapGen.Memo;

/// <summary>
/// The rendered Markdown that passed both lines of <see cref="SafetyNet"/> untouched, kept between
/// runs by a hash of the HTML and whether the sanitizer read it too: their verdict is a function of
/// those alone (a problem's position needs more, but HTML with a problem is never kept, so it is
/// checked, and reported, in every build). Beside <see cref="PageLinksStore"/>: one file per
/// generator build and site (<see cref="StoreFolder.Site"/>), holding the bodies of the build that
/// wrote it; a broken or foreign file is ignored and replaced.
/// </summary>
internal sealed class GuardStore
{
    private readonly string _file;
    private readonly string _stamp;
    private readonly HashSet<UInt128> _read;

    private GuardStore(string file, string stamp, HashSet<UInt128> read)
    {
        _file = file;
        _stamp = stamp;
        _read = read;
    }

    /// <summary>The store of this generator for the site <paramref name="site"/>, or null when keeping is off or there is nowhere to keep.</summary>
    public static GuardStore? Open(string? folder, string site)
    {
        if (folder is null) return null;
        var stamp = StoreFolder.Stamp(typeof(AngleSharp.Html.Parser.HtmlTokenizer), typeof(Ganss.Xss.HtmlSanitizer));
        var file = Path.Combine(folder, $"guard-{stamp}-{site}.json");
        try
        {
            return new GuardStore(file, stamp, Read(file, stamp));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// A cryptographic hash, unlike the other stores' keys: a kept verdict lets HTML skip the
    /// safety net, so two bodies a contributor could make collide (one harmless, checked in one
    /// build, one hostile, in the next) must not share a key. 128 bits of SHA-256 leave no
    /// collision within reach; hashing a body costs microseconds beside the check it saves.
    /// </summary>
    public static UInt128 Key(string html, bool sanitized)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData([sanitized ? (byte)1 : (byte)0]);
        hash.AppendData(MemoryMarshal.AsBytes(html.AsSpan()));
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }

    public bool Passed(UInt128 key) => _read.Contains(key);

    /// <summary>Keeps this run's bodies, and only them, unless they are exactly what was read; atomically.</summary>
    public void Save(ICollection<UInt128> passed)
    {
        if (passed.Count == _read.Count && passed.All(_read.Contains)) return;
        var stored = new StoredGuards(_stamp, [.. passed.Select(k => k.ToString("x32"))]);
        StoreFolder.Replace(_file, "guard", stream => JsonSerializer.Serialize(stream, stored, StoreJson.Default.StoredGuards));
    }

    private static HashSet<UInt128> Read(string file, string stamp)
    {
        var passed = new HashSet<UInt128>();
        var stored = StoreFolder.Read(file, StoreJson.Default.StoredGuards);
        if (stored?.Stamp != stamp || stored.Passed is null) return passed;
        foreach (var key in stored.Passed)
            if (UInt128.TryParse(key, System.Globalization.NumberStyles.AllowHexSpecifier, null, out var hash)) passed.Add(hash);
        return passed;
    }
}

/// <param name="Stamp">The generator that wrote it, also in the file's name: a file copied or renamed from another is ignored.</param>
internal sealed record StoredGuards(string Stamp, string[]? Passed);
