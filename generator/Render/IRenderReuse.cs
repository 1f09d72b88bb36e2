using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Render.Templates;

namespace RoadmapGen.Render;

/// <summary>
/// What Render may take from earlier work instead of doing it again. Render computes every
/// result itself, each a function of the inputs named here; whether an earlier result still
/// stands is the memo layer's decision (<c>Memo/</c>): within one build (a code block shown on
/// two pages is highlighted once) and, in serve, between rebuilds (a page whose inputs did not
/// change keeps its bytes). <see cref="None"/> computes everything every time.
/// </summary>
public interface IRenderReuse
{
    public static readonly IRenderReuse None = new Nothing();

    /// <summary>Called when a render starts and ends: what a run did not use is forgotten at its end.</summary>
    /// <param name="partial">
    /// A run of a few pages ahead of the whole render (serve's first pages): it forgets nothing,
    /// and what it made is there for the whole run that follows, which counts its work as its own.
    /// </param>
    void BeginRun(bool partial = false);

    /// <param name="finished">
    /// False for a run stopped before its end (serve, on a newer save): like a partial run it
    /// forgets nothing, and what it made is there for the next run, which counts its work as its own.
    /// </param>
    void EndRun(bool finished = true);

    /// <summary>A Markdown body's HTML; its diagnostics end up in <paramref name="diagnostics"/> either way.</summary>
    RenderedMarkdown Markdown(MarkdownInput input, DiagnosticBag diagnostics, Func<DiagnosticBag, RenderedMarkdown> render);

    /// <summary>
    /// Where pages are kept for a later run (serve); null when none is. Only a kept page has a
    /// fingerprint, so only then does a render copy a page's globals and record what its templates read.
    /// </summary>
    IKeptPages? KeptPages { get; }

    /// <summary>A page rendered for this run alone (null: a template failed, reported by the run).</summary>
    RenderedPage? Page(string path, Func<RenderedPage?> render);

    /// <summary>A code block's highlighted lines (null: written plain), by grammar and code.</summary>
    string? Highlight(string languageId, IReadOnlyList<string> lines, Func<string?> tokenize);

    /// <summary>A body's distinct words, for the search index.</summary>
    string Words(MarkdownBody body, Func<string> words);

    /// <summary>
    /// Rendered Markdown after <see cref="SafetyNet"/>'s lines: <paramref name="html"/> itself when
    /// this very HTML passed them untouched before (with the sanitizer too when
    /// <paramref name="sanitized"/>), else what <paramref name="guard"/> hands back.
    /// </summary>
    string Guarded(string html, bool sanitized, Func<string> guard);

    private sealed class Nothing : IRenderReuse
    {
        public void BeginRun(bool partial = false) { }

        public void EndRun(bool finished = true) { }

        public IKeptPages? KeptPages => null;

        public RenderedMarkdown Markdown(MarkdownInput input, DiagnosticBag diagnostics, Func<DiagnosticBag, RenderedMarkdown> render) => render(diagnostics);

        public RenderedPage? Page(string path, Func<RenderedPage?> render) => render();

        public string? Highlight(string languageId, IReadOnlyList<string> lines, Func<string?> tokenize) => tokenize();

        public string Words(MarkdownBody body, Func<string> words) => words();

        public string Guarded(string html, bool sanitized, Func<string> guard) => guard();
    }
}

/// <summary>Pages kept between runs under the fingerprint of what their templates read.</summary>
public interface IKeptPages
{
    /// <summary>A page's bytes and where its markup came from (null: a template failed, reported by the run).</summary>
    /// <param name="fingerprint">
    /// A digest of what the page's templates read, given what a render recorded they read (null:
    /// everything they can read); null when it cannot vouch for them. Computed only when asked.
    /// </param>
    /// <param name="render">The page, and what its templates read (null when not recorded).</param>
    RenderedPage? Page(string path, Func<PageReads?, string?> fingerprint, Func<(RenderedPage? Page, PageReads? Reads)> render);
}

/// <summary>Everything a Markdown body's HTML is made from besides the body itself.</summary>
/// <param name="UrlOfSource">A content file's page URL, for the body's links to content files (null: the file has no page).</param>
public sealed record MarkdownInput(MarkdownBody Body, string SourcePath, string? IdPrefix, string? PageUrl, Func<string, string?> UrlOfSource)
{
    /// <summary>A link's whole URL, fragment included, when the page's language decides it (see EditionRenderer); else the target's URL and the link's fragment.</summary>
    public Func<ContentLink, string?>? LinkUrl { get; init; }

    public string? UrlOf(ContentLink link) => LinkUrl is { } url ? url(link)
        : UrlOfSource(link.TargetSourcePath) is { } page ? string.IsNullOrEmpty(link.Fragment) ? page : Routes.WithFragment(page, link.Fragment) : null;
}

/// <param name="PassedGuard">Whether <see cref="SafetyNet"/> passed the HTML untouched, which lets the same body's prefixed copy skip it.</param>
public sealed record RenderedMarkdown(TrustedHtml Html, List<LinkOrigin> Origins, bool PassedGuard)
{
    /// <summary>The ids the body gave its headings, at their lines.</summary>
    public IReadOnlyList<IdOrigin> Ids { get; init; } = [];

    public void Deconstruct(out TrustedHtml html, out List<LinkOrigin> origins)
    {
        html = Html;
        origins = Origins;
    }
}
