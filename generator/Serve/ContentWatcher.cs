using System.Diagnostics;
using RoadmapGen.Render.Templates;

namespace RoadmapGen.Serve;

/// <summary>
/// Watches content/ and templates/ and reports a change once a burst of file events has been
/// quiet for a moment: one save in an editor is often several events (truncate, write, rename).
/// Editor scratch files (<c>.swp</c>, <c>~</c>, vim's <c>4913</c>, …) are not changes.
/// </summary>
public sealed class ContentWatcher : IDisposable
{
    private static readonly string[] ContentExtensions = [".md", ".yml", ".yaml"];

    private readonly TimeSpan _quiet;
    private readonly TimeSpan _longest;
    private readonly Action<ChangeSet> _changed;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _timer;
    private readonly object _gate = new();
    private HashSet<string> _contentPaths = new(StringComparer.Ordinal);
    private bool _templates;
    private bool _everything;
    private long _burstStart;

    /// <param name="quiet">How long a burst must be silent before it is reported.</param>
    /// <param name="longest">The most a change waits, however long the burst goes on.</param>
    public ContentWatcher(string contentRoot, string templatesRoot, TimeSpan quiet, TimeSpan longest, Action<ChangeSet> changed)
    {
        _quiet = quiet;
        _longest = longest;
        _changed = changed;
        _timer = new Timer(_ => Report());
        Watch(Path.GetFullPath(contentRoot), isTemplates: false);
        Watch(Path.GetFullPath(templatesRoot), isTemplates: true);
    }

    private void Watch(string root, bool isTemplates)
    {
        var watcher = new FileSystemWatcher(root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Changed += (_, e) => Seen(root, e.FullPath, isTemplates);
        watcher.Created += (_, e) => Seen(root, e.FullPath, isTemplates);
        watcher.Deleted += (_, e) => Seen(root, e.FullPath, isTemplates);
        watcher.Renamed += (_, e) =>
        {
            Seen(root, e.OldFullPath, isTemplates);
            Seen(root, e.FullPath, isTemplates);
        };
        // Events were lost (the kernel's queue overflowed): only a full rebuild is safe.
        watcher.Error += (_, _) => Mark(() => _everything = true);
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private void Seen(string root, string path, bool isTemplates)
    {
        if (!Relevant(root, path, isTemplates)) return;
        Mark(() =>
        {
            if (isTemplates) _templates = true;
            else _contentPaths.Add(path);
        });
    }

    private void Mark(Action record)
    {
        lock (_gate)
        {
            var first = !_everything && !_templates && _contentPaths.Count == 0;
            record();
            if (first) _burstStart = Stopwatch.GetTimestamp();
            var waited = Stopwatch.GetElapsedTime(_burstStart);
            var due = waited + _quiet <= _longest ? _quiet : _longest - waited;
            _timer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
    }

    private void Report()
    {
        ChangeSet change;
        lock (_gate)
        {
            if (!_everything && !_templates && _contentPaths.Count == 0) return;
            change = new ChangeSet(_contentPaths, _templates, _everything);
            _contentPaths = new HashSet<string>(StringComparer.Ordinal);
            _templates = false;
            _everything = false;
        }
        _changed(change);
    }

    internal static bool Relevant(string root, string path, bool isTemplates)
    {
        var name = Path.GetFileName(path);
        if (IsScratch(name)) return false;
        var extension = Path.GetExtension(name).ToLowerInvariant();
        // A folder created, renamed or deleted (no extension) can add or remove many files at once.
        if (extension.Length == 0) return true;
        if (!isTemplates) return ContentExtensions.Contains(extension) || Load.ContentImages.Extensions.Contains(extension);
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        return extension == TemplateFolder.Extension || relative.StartsWith("assets/", StringComparison.Ordinal)
            || extension == ".yml" && relative.StartsWith(Render.Strings.InterfaceStrings.Folder + "/", StringComparison.Ordinal);
    }

    private static bool IsScratch(string name) =>
        name.Length == 0 || name.StartsWith(".#", StringComparison.Ordinal) || name.StartsWith('#') || name.StartsWith(".~", StringComparison.Ordinal)
        || name.EndsWith('~') || name.EndsWith(".swp", StringComparison.Ordinal) || name.EndsWith(".swx", StringComparison.Ordinal)
        || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) || name.Contains("___jb_", StringComparison.Ordinal)
        || name.All(char.IsAsciiDigit);

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _timer.Dispose();
    }
}
