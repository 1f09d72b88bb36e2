using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

/// <summary>
/// What Load may take from an earlier load instead of reading again. Load reads every file
/// itself; whether an earlier result still stands is the memo layer's decision (<c>Memo/</c>),
/// which serve keeps between rebuilds so one edited topic costs one parse. A build passes <see cref="None"/>.
/// </summary>
public interface ILoadReuse
{
    /// <summary>Reads everything: what a build does.</summary>
    public static readonly ILoadReuse None = new Nothing();

    /// <summary>
    /// Called once per load, before any file is read, with every topic and page file: a parse
    /// depends on which files exist (links to them resolve), so a changed set makes old parses stale.
    /// </summary>
    void BeginLoad(IReadOnlyCollection<string> contentFiles);

    /// <summary>
    /// The result of <paramref name="read"/> for <paramref name="fullPath"/>, from the last read
    /// when the file's content is unchanged; either way the file's diagnostics end up in <paramref name="diagnostics"/>.
    /// <paramref name="read"/> is given the bytes the decision was made on, so it parses exactly
    /// those; null when it must read the file itself (and report why it cannot).
    /// </summary>
    T? Read<T>(string fullPath, DiagnosticBag diagnostics, Func<byte[]?, DiagnosticBag, T?> read) where T : class;

    /// <summary>
    /// git's history of the content folder (see <see cref="ChangeDates"/>), from the last
    /// read while git's history is unchanged.
    /// </summary>
    GitHistory History(string contentRoot, Func<GitHistory> read) => read();

    private sealed class Nothing : ILoadReuse
    {
        public void BeginLoad(IReadOnlyCollection<string> contentFiles) { }

        public T? Read<T>(string fullPath, DiagnosticBag diagnostics, Func<byte[]?, DiagnosticBag, T?> read) where T : class => read(null, diagnostics);
    }
}
