using RoadmapGen.Render;

namespace RoadmapGen.Check;

/// <summary>
/// What Check may take from an earlier check instead of doing it again. Check parses and checks
/// every page itself; whether an earlier parse or verdict still stands is the memo layer's
/// decision (<c>Memo/</c>), which serve keeps between rebuilds. <see cref="None"/> checks everything.
/// </summary>
public interface ICheckReuse
{
    public static readonly ICheckReuse None = new Nothing();

    /// <summary>A page's ids and links.</summary>
    PageLinks Links(OutputFile page, Func<PageLinks> parse);

    /// <summary>Starts a check of these files, whose pages parsed to <paramref name="parsed"/>.</summary>
    void Begin(IReadOnlyList<OutputFile> files, IReadOnlyDictionary<string, PageLinks> parsed);

    /// <summary>The page's link count when an earlier verdict (no problem) still holds; null when it must be checked.</summary>
    int? Verdict(OutputFile page);

    /// <summary>Where a page's check records what it looked up, or null when nothing will ask.</summary>
    CheckLookups? Lookups();

    /// <summary>Records a page just checked.</summary>
    void Checked(OutputFile page, int links, CheckLookups? lookups, bool clean);

    void End();

    private sealed class Nothing : ICheckReuse
    {
        public PageLinks Links(OutputFile page, Func<PageLinks> parse) => parse();

        public void Begin(IReadOnlyList<OutputFile> files, IReadOnlyDictionary<string, PageLinks> parsed) { }

        public int? Verdict(OutputFile page) => null;

        public CheckLookups? Lookups() => null;

        public void Checked(OutputFile page, int links, CheckLookups? lookups, bool clean) { }

        public void End() { }
    }
}

/// <summary>What one page's links looked up while they were checked: its verdict holds while these do.</summary>
public sealed class CheckLookups
{
    /// <summary>Every output path its links looked up, found or not.</summary>
    public HashSet<string> Paths { get; } = new(StringComparer.Ordinal);

    /// <summary>Pages whose ids its #fragments were checked against.</summary>
    public HashSet<string> FragmentTargets { get; } = new(StringComparer.Ordinal);
}
