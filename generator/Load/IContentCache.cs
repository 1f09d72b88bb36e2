using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

/// <summary>
/// Lets a long-running caller (serve) reuse what Load read from files that have not changed,
/// so one edited topic costs one parse. A build runs without one and reads every file.
/// </summary>
public interface IContentCache
{
    /// <summary>
    /// Called once per load, before any file is read, with every topic and page file: a parse
    /// depends on which files exist (links to them resolve), so a changed set makes old parses stale.
    /// </summary>
    void BeginLoad(IReadOnlyCollection<string> contentFiles);

    /// <summary>
    /// The result of <paramref name="read"/> for <paramref name="fullPath"/>, from the last read
    /// when the file is unchanged; either way the file's diagnostics end up in <paramref name="diagnostics"/>.
    /// </summary>
    T? Read<T>(string fullPath, DiagnosticBag diagnostics, Func<DiagnosticBag, T?> read) where T : class;

    /// <summary>
    /// git's history of the content folder (see <see cref="ChangeDates"/>), from the last
    /// read while git's history is unchanged.
    /// </summary>
    GitHistory History(string contentRoot, Func<GitHistory> read) => read();
}
