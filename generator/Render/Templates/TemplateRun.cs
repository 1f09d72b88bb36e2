using System.Collections.Concurrent;
using System.Text;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Render.Views;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace RoadmapGen.Render.Templates;

/// <summary>
/// Renders the pages of one build: the page template, then the layout around it. A runtime
/// template mistake fails the page and is reported once, at the template's line, naming the
/// first page (in path order) it broke and how many others.
/// </summary>
public sealed partial class TemplateRun
{
    private sealed record Failure(string Code, string File, int Line, int Column, string Message);

    private readonly TemplateEngine _engine;
    private readonly int _loopLimit;
    private readonly ScriptModel _model = new();
    private readonly ConcurrentDictionary<Failure, ConcurrentBag<string>> _failures = new();

    private readonly IRenderReuse _reuse;
    private readonly PageFingerprint _fingerprint;

    internal TemplateRun(TemplateEngine engine, int largestLoop, IRenderReuse reuse)
    {
        _engine = engine;
        // Nested loops share one budget: 100 iterations per item of the largest list leaves room
        // for every per-topic loop (resources, prerequisites) and still stops a runaway loop.
        _loopLimit = Math.Max(100_000, largestLoop * 100);
        _reuse = reuse;
        _fingerprint = new PageFingerprint(engine.Version, _loopLimit);
        _readsTraceable = !engine.Set.Files.Any(f => WholeValueFunctions().IsMatch(f.Text));
    }

    /// <summary>
    /// Whether a page's fingerprint may hash only what its templates read (<see cref="PageReads"/>).
    /// Scriban's object and array functions read values without the accessor that records reads,
    /// so templates that call them are fingerprinted by everything their globals hold.
    /// </summary>
    private readonly bool _readsTraceable;

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(object|array)\s*\.")]
    private static partial System.Text.RegularExpressions.Regex WholeValueFunctions();

    // Pages are written into builders reused within the run (see TemplateOutput.WriteTo) and
    // encoded to UTF-8 straight from their chunks, with no string of the whole page in between.
    // The pool goes with the run, so a 5 MB whole-roadmap page's buffers do not outlive Render.
    private readonly ConcurrentBag<(StringBuilder Body, StringBuilder Page)> _builders = [];
    private const int PooledLimit = 256 * 1024;

    /// <returns>The page's HTML as UTF-8 with where its markup came from, or null when a template failed (the failure is reported by <see cref="Report"/>).</returns>
    public RenderedPage? Render(PageModel page, string pagePath)
    {
        var name = "pages/" + page.Template;
        var template = _engine.Set.Find(name);
        if (template is null)
        {
            Fail(new Failure(Codes.TemplateMissing, DisplayPath.Of(Path.Combine(_engine.Root, name + TemplateFolder.Extension)), 0, 0,
                $"the page template '{name}{TemplateFolder.Extension}' is missing (restore it from the repository)"), pagePath);
            return null;
        }
        var globals = _model.Globals(page);
        var language = page.Chrome.Page.Lang;
        if (_reuse.KeptPages is not { } kept)
            return _reuse.Page(pagePath, () => Render(name, template, globals, pagePath, language, recordReads: false).Page);
        // Templates assign globals of their own (and the layout gets 'body'): the fingerprint reads a copy made before.
        var before = (ScriptObject)globals.Clone(false);
        return kept.Page(pagePath, reads => _fingerprint.Of(pagePath, before, reads),
            () => Render(name, template, globals, pagePath, language, recordReads: true));
    }

    private (RenderedPage? Page, PageReads? Reads) Render(string name, Template template, ScriptObject globals, string pagePath, string language, bool recordReads)
    {
        var reads = recordReads && _readsTraceable ? new PageReads(globals) : null;
        var context = new HtmlTemplateContext(_engine.Set, _engine.Builtins, _loopLimit) { Reads = reads };
        context.PageLanguage = language;
        context.Strings = _engine.Strings.For(context.PageLanguage);
        context.PushGlobal(globals);
        var (body, html) = _builders.TryTake(out var pooled) ? pooled : (new StringBuilder(64 * 1024), new StringBuilder(64 * 1024));
        body.Clear();
        html.Clear();
        try
        {
            var bodyOutput = new TracedOutput(body, _engine.Set.ByText);
            context.PushOutput(bodyOutput);
            template.WriteTo(context);
            context.PopOutput();
            globals.SetValue("body", new TrustedHtml(body), true);
            var pageOutput = new TracedOutput(html, _engine.Set.ByText);
            context.PushOutput(pageOutput);
            context.SpliceTarget = html;
            _engine.Set.Find(TemplateEngine.LayoutName)!.WriteTo(context);
            context.PopOutput();
            return (new RenderedPage(Utf8(html, context.Splices), PageSources.Merge(pageOutput.Marks, context.Splices, body, bodyOutput.Marks)), reads);
        }
        catch (ScriptRuntimeException e)
        {
            Fail(Describe(e, name), pagePath);
            return (null, null);
        }
        finally
        {
            // A whole-roadmap page's builders are left to the GC: clearing a builder of many
            // chunks reallocates it at full size, megabytes that no other page needs.
            if (html.Length < PooledLimit && body.Length < PooledLimit) _builders.Add((body, html));
        }
    }

    /// <summary>The page as UTF-8, in one array of its exact size: the layout's text with the body's builder at each place the layout wrote it.</summary>
    private static byte[] Utf8(StringBuilder html, List<(int At, StringBuilder Body)> splices)
    {
        // One encoder across the pieces, so a character split between two chunks is encoded whole.
        var encoder = Encoding.UTF8.GetEncoder();
        var length = 0;
        foreach (var piece in Pieces(html, splices)) length += encoder.GetByteCount(piece.Span, flush: false);
        length += encoder.GetByteCount([], flush: true);
        encoder.Reset();
        var bytes = new byte[length];
        var at = 0;
        foreach (var piece in Pieces(html, splices)) at += encoder.GetBytes(piece.Span, bytes.AsSpan(at), flush: false);
        encoder.GetBytes([], bytes.AsSpan(at), flush: true);
        return bytes;
    }

    private static IEnumerable<ReadOnlyMemory<char>> Pieces(StringBuilder html, List<(int At, StringBuilder Body)> splices)
    {
        var next = 0;
        var offset = 0;
        foreach (var chunk in html.GetChunks())
        {
            var start = 0;
            for (; next < splices.Count && splices[next].At <= offset + chunk.Length; next++)
            {
                var cut = splices[next].At - offset;
                if (cut > start) yield return chunk[start..cut];
                foreach (var part in splices[next].Body.GetChunks()) yield return part;
                start = cut;
            }
            if (start < chunk.Length) yield return chunk[start..];
            offset += chunk.Length;
        }
        for (; next < splices.Count; next++)
            foreach (var part in splices[next].Body.GetChunks()) yield return part;
    }

    /// <summary>Ends the run: reports template failures.</summary>
    public void Report(DiagnosticBag diagnostics)
    {
        foreach (var (failure, pages) in _failures)
        {
            var ordered = pages.Order(StringComparer.Ordinal).ToList();
            var where = ordered.Count == 1 ? $"while rendering {ordered[0]}" : $"while rendering {ordered[0]} and {ordered.Count - 1} other page(s)";
            diagnostics.Error(failure.Code, failure.File, failure.Line, failure.Column, $"{failure.Message} ({where})");
        }
    }

    private void Fail(Failure failure, string pagePath) => _failures.GetOrAdd(failure, _ => []).Add(pagePath);

    private Failure Describe(ScriptRuntimeException e, string renderedTemplate)
    {
        var file = _engine.Set.File(e.Span.FileName) ?? _engine.Set.File(renderedTemplate)!;
        var code = e is TemplateFaultException fault ? fault.Kind switch
        {
            TemplateFaultKind.UnknownVariable => Codes.UnknownVariable,
            TemplateFaultKind.UnknownFunction => Codes.UnknownFunction,
            TemplateFaultKind.UnknownMember => Codes.UnknownMember,
            TemplateFaultKind.MissingTemplate => Codes.TemplateMissing,
            TemplateFaultKind.OutsideTemplates => Codes.IncludeOutsideTemplates,
            TemplateFaultKind.MissingString => Codes.MissingString,
            _ => Codes.TemplateRuntime,
        } : Codes.TemplateRuntime;
        // Scriban's own runtime errors say what, not how to fix: the hint says where to look.
        var message = e is TemplateFaultException ? e.OriginalMessage
            : $"template error: {e.OriginalMessage.TrimEnd('.')} (fix the expression here{(e.OriginalMessage.Contains("recursive", StringComparison.Ordinal) ? ": an include that includes itself, directly or through another, never ends" : "")})";
        return new Failure(code, file.Display, e.Span.Start.Line + 1, e.Span.Start.Column + 1, message);
    }
}
