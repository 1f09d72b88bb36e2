using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

/// <summary>
/// Images saved beside the Markdown that shows them (<c>![A cache-aside read](cache-aside.svg)</c>):
/// found before any body is parsed, so an image reference resolves like a link to a topic, and
/// read (checked for size, name and, for SVG, anything active) only when a body shows them.
/// </summary>
public static class ContentImages
{
    /// <summary>What a page may show with &lt;img&gt;: raster formats every browser decodes, and SVG without script.</summary>
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.Ordinal) { ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg" };

    /// <summary>Large enough for a detailed diagram or screenshot; past it, a reader on a phone pays for a mistake (RG0116, as for any file too large).</summary>
    public const int MaxBytes = 1024 * 1024;

    public static bool IsImage(string path) => Extensions.Contains(Path.GetExtension(path));

    /// <summary>The image files of a content folder (not its subfolders), as Markdown files are found.</summary>
    public static IEnumerable<string> In(string root, string dir, DiagnosticBag diagnostics) => Directory.Exists(dir)
        ? LinkedFiles.KeepInside(root, dir, Directory.GetFiles(dir).Where(IsImage).Order(StringComparer.Ordinal), diagnostics)
        : [];

    /// <summary>Reads one image a body shows; null (with a diagnostic) when no page may show it.</summary>
    /// <param name="reference">Where a body shows it, for a problem the reference is the place to fix.</param>
    public static ContentImage? Read(string fullPath, string displayPath, string contentRoot, ImageReference reference, DiagnosticBag diagnostics)
    {
        var name = Path.GetFileNameWithoutExtension(fullPath);
        var extension = Path.GetExtension(fullPath);
        if (!Slug.IsValid(name))
        {
            diagnostics.Error(Codes.UnusableImage, displayPath, 0, 0,
                $"image file name '{name}' is not a lowercase-kebab name (rename it to '{Slug.From(name)}{extension.ToLowerInvariant()}', and the reference with it)");
            return null;
        }
        var bytes = SourceText.ReadBytes(fullPath, displayPath, MaxBytes, "resize or compress the image; SVG or PNG for diagrams", diagnostics);
        if (bytes is null) return null;
        if (extension == ".svg")
        {
            if (!SvgSafety.Check(bytes, displayPath, diagnostics)) return null;
        }
        else if (ImageSignature.Sniff(bytes) is var actual && actual != ImageSignature.Expected(extension))
        {
            // The name says one format, the bytes another (or none): a browser shows a broken image.
            diagnostics.Error(Codes.UnusableImage, reference.File, reference.Line, reference.Column,
                $"'{Path.GetFileName(fullPath)}' holds {ImageSignature.Describe(actual)}, not a {ImageSignature.Expected(extension)} image, so the page would show a broken image (export the image again as {ImageSignature.Expected(extension)}, or give the file the extension of what it holds)");
            return null;
        }
        return new ContentImage(SourceFile.In(contentRoot, fullPath, displayPath), bytes);
    }
}

/// <summary>The first place a body shows an image: display path of the Markdown file, line and column.</summary>
public sealed record ImageReference(string File, int Line, int Column);

/// <param name="SourcePath">Display path of the image file.</param>
/// <param name="ContentPath">Its path inside the content folder ("roadmaps/backend/topics/cache-aside.svg"), which its URL keeps.</param>
public sealed record ContentImage(SourceFile File, ReadOnlyMemory<byte> Bytes)
{
    public string SourcePath => File.Display;

    /// <summary>Its path inside the content folder ("roadmaps/backend/topics/cache-aside.svg"), which its URL keeps.</summary>
    public string ContentPath => File.Relative;
}
