using System.Text;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

/// <summary>
/// Parses Markdown bodies with the one Markdig pipeline (built once, shared with Render),
/// and checks what the body links to and which raw HTML it uses, at the line it is written.
/// </summary>
public static class MarkdownParser
{
    /// <summary>
    /// Deliberately not UseAdvancedExtensions: generic attributes (<c>{onclick=…}</c>) would let
    /// content inject script, so the extensions are picked one by one.
    /// </summary>
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .UseFootnotes()
        .UseDefinitionLists()
        .Build();

    /// <param name="aliases">For a translation: the source's files as they would be in its language's
    /// tree, each mapped to the source file itself, so "caching.md" beside a translated topic is the
    /// topic caching (translated or not) and an image is the source's image.</param>
    public static MarkdownBody Parse(string body, int lineOffset, string sourcePath, string sourceFullPath,
        IReadOnlyDictionary<string, string> contentFiles, DiagnosticBag diagnostics, IReadOnlyDictionary<string, string>? aliases = null)
    {
        var document = ParseWithinDepth(body, lineOffset, sourcePath, diagnostics);
        var links = new List<ContentLink>();
        var headings = new List<string>();
        var text = new StringBuilder();
        FileSpan? rawHtml = null;
        var refused = false;
        var directory = Path.GetDirectoryName(sourceFullPath)!;

        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline link:
                    CheckLink(link, link.Url, link.IsImage);
                    break;
                case AutolinkInline autolink:
                    CheckUrlSafety(autolink.Url, autolink.Line, autolink.Column, false);
                    break;
                case HtmlInline html:
                    refused |= !SafeHtml.Check(html.Tag, sourcePath, RawHtml(html), diagnostics);
                    break;
                case HtmlBlock block:
                    refused |= !SafeHtml.Check(block.Lines.ToString(), sourcePath, RawHtml(block), diagnostics);
                    break;
                case HeadingBlock heading:
                    headings.Add(InlineText(heading.Inline));
                    break;
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan()).Append(' ');
                    break;
                case CodeInline code:
                    text.Append(code.Content).Append(' ');
                    break;
            }
        }
        return new MarkdownBody
        {
            Document = document, LineOffset = lineOffset, ContentLinks = links,
            Headings = headings, PlainText = text.ToString(), RawHtml = rawHtml, RefusedAtLoad = refused,
            SourceHash = Convert.ToHexString(System.IO.Hashing.XxHash128.Hash(System.Runtime.InteropServices.MemoryMarshal.AsBytes(body.AsSpan()))),
        };

        // The span of one raw HTML node, and of all of them together for the sanitizer behind Load.
        FileSpan RawHtml(MarkdownObject node)
        {
            var span = FileSpan.Markdown(node, lineOffset, body);
            rawHtml = rawHtml is { } first ? first with { EndLine = span.EndLine, EndColumn = span.EndColumn } : span;
            return span;
        }

        void CheckLink(LinkInline link, string? url, bool isImage)
        {
            if (string.IsNullOrWhiteSpace(url)) return;
            if (!CheckUrlSafety(url, link.Line, link.Column, isImage)) return;
            if (IsExternalOrAbsolute(url) || url.StartsWith('#')) return;
            var hash = url.IndexOf('#');
            var pathPart = hash < 0 ? url : url[..hash];
            var fragment = hash < 0 ? null : url[(hash + 1)..];
            if (isImage)
            {
                CheckImage(link, pathPart);
                return;
            }
            if (!pathPart.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) return;
            var target = Path.GetFullPath(Path.Combine(directory, Uri.UnescapeDataString(pathPart)));
            if (contentFiles.ContainsKey(target) || aliases?.ContainsKey(target) == true)
            {
                links.Add(new ContentLink(link, aliases?.GetValueOrDefault(target) ?? target, fragment));
                return;
            }
            var suggestion = Nearest(pathPart, target, k => k.EndsWith(".md", StringComparison.OrdinalIgnoreCase));
            diagnostics.Error(Codes.LinkToMissingFile, sourcePath, FileSpan.Markdown(link, lineOffset, body),
                $"link to '{pathPart}', which does not exist" + (suggestion is null
                    ? " (link to a topic as '<slug>.md', next to this file)"
                    : $" (did you mean '{suggestion}'?)"));
        }

        void CheckImage(LinkInline image, string pathPart)
        {
            var at = FileSpan.Markdown(image, lineOffset, body);
            if (string.IsNullOrWhiteSpace(InlineText(image)))
                diagnostics.Warning(Codes.ImageWithoutAlt, sourcePath, at,
                    $"image '{pathPart}' has no text alternative, so a screen reader says nothing about it (write what it shows: ![A cache-aside read, step by step]({pathPart}))");
            var target = Path.GetFullPath(Path.Combine(directory, Uri.UnescapeDataString(pathPart)));
            if (!ContentImages.IsImage(target))
            {
                diagnostics.Error(Codes.UnusableImage, sourcePath, at,
                    $"'{pathPart}' is not an image a page can show (save it as {string.Join(", ", ContentImages.Extensions.Order())})");
                return;
            }
            if (contentFiles.ContainsKey(target) || aliases?.ContainsKey(target) == true)
            {
                links.Add(new ContentLink(image, aliases?.GetValueOrDefault(target) ?? target, null));
                return;
            }
            var suggestion = Nearest(pathPart, target, ContentImages.IsImage);
            diagnostics.Error(Codes.MissingImage, sourcePath, at,
                $"image '{pathPart}' does not exist" + (suggestion is null
                    ? " (save the image in the same folder as this file and refer to it by its file name)"
                    : $" (did you mean '{suggestion}'?)"));
        }

        // The content file in the target's folder whose name is closest to the one written; only
        // files of the kind the reference names (a link to a page is never offered an image).
        string? Nearest(string pathPart, string target, Func<string, bool> kind) =>
            DidYouMean.Suggest(Path.GetFileName(pathPart), contentFiles.Keys
                .Where(k => kind(k) && string.Equals(Path.GetDirectoryName(k), Path.GetDirectoryName(target), StringComparison.Ordinal))
                .Select(Path.GetFileName).OfType<string>());

        bool CheckUrlSafety(string url, int line, int column, bool isImage)
        {
            if (UrlSafety.Problem(url, isImage) is not { } problem) return true;
            refused = true;
            diagnostics.Error(problem.Code, sourcePath, FileSpan.InBody(line, column, lineOffset), problem.Message);
            return false;
        }
    }

    /// <summary>
    /// Real topics nest a dozen levels at most; Markdig refuses (with an exception) to parse or
    /// render much past 128, so deeper Markdown is reported here and its body left empty.
    /// </summary>
    public const int MaxNesting = 64;

    private static MarkdownDocument ParseWithinDepth(string body, int lineOffset, string sourcePath, DiagnosticBag diagnostics)
    {
        const string hint = "(look for a long run of '[', '*', '>' or indented '- ' and remove it)";
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(body, Pipeline);
        }
        catch (ArgumentException e) when (e.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            // Markdig's own depth limit, which it reports as an argument error.
            diagnostics.Error(Codes.MarkdownTooDeep, sourcePath, FileSpan.InBody(0, 0, lineOffset),
                $"the Markdown is nested too deeply to read {hint}");
            return Markdown.Parse("", Pipeline);
        }
        var (depth, deepest) = Nesting(document);
        if (depth <= MaxNesting) return document;
        diagnostics.Error(Codes.MarkdownTooDeep, sourcePath, FileSpan.Markdown(deepest, lineOffset),
            $"the Markdown is nested {depth} levels deep, more than the {MaxNesting} a page can show {hint}");
        return Markdown.Parse("", Pipeline);
    }

    /// <summary>Iterative, because the point is to survive trees too deep to recurse into.</summary>
    private static (int Depth, MarkdownObject Deepest) Nesting(MarkdownDocument document)
    {
        var deepest = (Depth: 0, Node: (MarkdownObject)document);
        var stack = new Stack<(MarkdownObject Node, int Depth)>();
        stack.Push((document, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > deepest.Depth) deepest = (depth, node);
            switch (node)
            {
                case ContainerBlock container:
                    foreach (var child in container) stack.Push((child, depth + 1));
                    break;
                case LeafBlock { Inline: { } inline }:
                    stack.Push((inline, depth + 1));
                    break;
                case ContainerInline container:
                    foreach (var child in container) stack.Push((child, depth + 1));
                    break;
            }
        }
        return deepest;
    }

    private static bool IsExternalOrAbsolute(string url) =>
        url.StartsWith('/') || url.StartsWith("//") || Uri.TryCreate(url, UriKind.Absolute, out var u) && !string.IsNullOrEmpty(u.Scheme) && url.Contains(':');

    public static string InlineText(ContainerInline? inline)
    {
        if (inline is null) return "";
        var sb = new StringBuilder();
        foreach (var child in inline.Descendants())
        {
            if (child is LiteralInline literal) sb.Append(literal.Content.AsSpan());
            else if (child is CodeInline code) sb.Append(code.Content);
        }
        return sb.ToString();
    }
}
