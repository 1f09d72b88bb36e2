using System.Text;
using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

/// <summary>A content file read as text: UTF-8 (a BOM is fine), line ends normalised to LF.</summary>
public sealed record SourceText(string Path, string FullPath, string Text)
{
    /// <summary>Larger than any real topic by far; a file this big is a mistake (a pasted dump, a binary).</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a file, or reports why it cannot be used and returns null.</summary>
    public static SourceText? Read(string fullPath, string displayPath, DiagnosticBag diagnostics) =>
        ReadBytes(fullPath, displayPath, MaxBytes, "split the topic, or remove pasted data", diagnostics) is { } bytes
            ? FromBytes(bytes, fullPath, displayPath, diagnostics)
            : null;

    /// <summary>A content file's bytes, refused unread (with what to do about it) when it is larger than <paramref name="maxBytes"/>.</summary>
    internal static byte[]? ReadBytes(string fullPath, string displayPath, int maxBytes, string whatToDo, DiagnosticBag diagnostics)
    {
        try
        {
            var length = new FileInfo(fullPath).Length;
            if (length > maxBytes)
            {
                diagnostics.Error(Codes.FileTooLarge, displayPath, 0, 0,
                    $"file is {length / 1024} KiB, more than the {maxBytes / 1024} KiB limit ({whatToDo})");
                return null;
            }
            return File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(Codes.ContentUnreadable, displayPath, 0, 0, $"cannot read the file: {e.Message} (check that it exists and that you may read it)");
            return null;
        }
    }

    public static SourceText? FromBytes(byte[] bytes, string fullPath, string displayPath, DiagnosticBag diagnostics)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble)) span = span[3..];
        string text;
        try
        {
            text = StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            var (line, column) = FirstInvalidUtf8(span);
            diagnostics.Error(Codes.NotUtf8, displayPath, line, column,
                "the file is not valid UTF-8 (save it with UTF-8 encoding in your editor)");
            return null;
        }
        if (text.Contains('\r')) text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Error(Codes.EmptyFile, displayPath, 0, 0, "the file is empty (write its content, or delete it)");
            return null;
        }
        return new SourceText(displayPath, fullPath, text);
    }

    private static (int Line, int Column) FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        int line = 1, lineStart = 0, i = 0;
        Span<char> scratch = stackalloc char[4];
        while (i < bytes.Length)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes[i..Math.Min(bytes.Length, i + 4)], scratch, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            if (status == System.Buffers.OperationStatus.InvalidData && read == 0)
                return (line, i - lineStart + 1);
            if (bytes[i] == (byte)'\n') { line++; lineStart = i + 1; }
            i += Math.Max(1, Utf8Length(bytes[i]));
        }
        return (line, 1);
    }

    private static int Utf8Length(byte b) => b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
}
