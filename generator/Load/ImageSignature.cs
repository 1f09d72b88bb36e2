using System.Text;

namespace RoadmapGen.Load;

/// <summary>
/// What an image file is by its first bytes, the way a browser sniffs it, whatever its name says:
/// a page renamed to <c>.png</c> is published as a broken image otherwise.
/// </summary>
public static class ImageSignature
{
    /// <summary>The format's name when the bytes are the format the extension names, else null.</summary>
    public static string Expected(string extension) => extension switch
    {
        ".png" => "PNG", ".jpg" or ".jpeg" => "JPEG", ".gif" => "GIF", ".webp" => "WebP", ".avif" => "AVIF", ".svg" => "SVG",
        _ => extension,
    };

    private static readonly HashSet<string> Formats = new(StringComparer.Ordinal) { "PNG", "JPEG", "GIF", "WebP", "AVIF", "SVG" };

    /// <summary>"PNG image data", "an HTML page", "text": what <see cref="Sniff"/> found, as a sentence says it.</summary>
    public static string Describe(string sniffed) => Formats.Contains(sniffed) ? sniffed + " image data" : sniffed;

    private static ReadOnlySpan<byte> Png => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];

    /// <summary>What the bytes hold: an image format's name, or a description of what else they are.</summary>
    public static string Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Png)) return "PNG";
        if (bytes.StartsWith(Jpeg)) return "JPEG";
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8)) return "GIF";
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return "WebP";
        if (IsAvif(bytes)) return "AVIF";
        if (bytes.Length == 0) return "nothing (the file is empty)";
        var text = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 512)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
            return "an HTML page";
        if (text.Contains("<svg", StringComparison.Ordinal)) return "SVG";
        return bytes[..Math.Min(bytes.Length, 512)].Contains((byte)0) ? "data of an unknown kind" : "text";
    }

    /// <summary>An ISO media file ("ftyp" box first) whose major or a compatible brand is AVIF.</summary>
    private static bool IsAvif(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 16 || !bytes[4..8].SequenceEqual("ftyp"u8)) return false;
        var size = (int)Math.Min((uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]), (uint)bytes.Length);
        for (var brand = 8; brand + 4 <= size; brand += 4)
        {
            if (brand == 12) continue; // the minor version, not a brand
            if (bytes[brand..(brand + 4)].SequenceEqual("avif"u8) || bytes[brand..(brand + 4)].SequenceEqual("avis"u8)) return true;
        }
        return false;
    }
}
