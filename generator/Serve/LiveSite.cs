using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using RoadmapGen.Diagnostics;
using RoadmapGen.Memo;
using RoadmapGen.Render;

namespace RoadmapGen.Serve;

/// <summary>
/// The site as serve holds it: the last good build, which is what gets served; the latest
/// build's diagnostics, printed in the terminal and sent to open pages; and the loop that
/// turns file changes into rebuilds, one at a time, folding changes that arrive meanwhile into the next.
/// </summary>
public sealed class LiveSite
{
    private static readonly TimeSpan YoungCollectAfter = TimeSpan.FromMilliseconds(30);
    private static readonly TimeSpan IdleCollectAfter = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest the rest of a rebuild waits for reloaded pages to fetch the first pages (a page showing another one waits for the rest).</summary>
    private static readonly TimeSpan BrowserHeadStart = TimeSpan.FromMilliseconds(250);
    private readonly SemaphoreSlim _firstServed = new(0);

    private readonly BuildOptions _options;
    private readonly TextWriter _console;
    private readonly EventHub _events;
    private readonly BuildMemo _cache = new(Keep.Everything);
    private readonly Channel<ChangeSet> _changes = Channel.CreateUnbounded<ChangeSet>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _instance = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..4]);
    private int _builds;
    private volatile SiteSnapshot? _current;
    private volatile IReadOnlyList<Diagnostic> _diagnostics = [];

    private readonly bool _verbose;
    private readonly Func<BuildOptions, BuildMemo, FirstPages?, BuildResult> _build;

    /// <param name="build">How a rebuild runs, given the pages to hand over first; tests pass one that fails as a bug would.</param>
    public LiveSite(BuildOptions options, TextWriter console, EventHub events, bool verbose = false,
        Func<BuildOptions, BuildMemo, FirstPages?, BuildResult>? build = null)
    {
        _options = options;
        _verbose = verbose;
        _build = build ?? ((o, c, first) => SiteBuild.Run(o, c, first: first));
        _console = console;
        _events = events;
    }

    /// <summary>The last build without errors; null until there has been one.</summary>
    public SiteSnapshot? Current => _current;

    /// <summary>The latest build's diagnostics, which may be newer than <see cref="Current"/>.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public void Changed(ChangeSet change) => _changes.Writer.TryWrite(change);

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (await _changes.Reader.WaitToReadAsync(stop))
            {
                var change = ChangeSet.None;
                while (_changes.Reader.TryRead(out var next)) change = change.Merge(next);
                Rebuild(change);
                // A rebuild allocates tens of MB. Left to itself, the GC stops every other rebuild
                // for a collection, and that one takes the old generation too (50-80 ms with the
                // highlighting grammars alive). So the young generations are emptied as soon as the
                // reload is out (a few ms), and the next rebuild starts with the whole young budget;
                // the full collection waits for a pause between saves, once the reloaded page and
                // its assets have been sent.
                if (!await ChangeWithin(YoungCollectAfter, stop)) GC.Collect(1, GCCollectionMode.Forced, blocking: true);
                if (!await ChangeWithin(IdleCollectAfter, stop)) GC.Collect();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> ChangeWithin(TimeSpan wait, CancellationToken stop)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(wait);
        try
        {
            return await _changes.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return false;
        }
    }

    public RebuildReport Rebuild(ChangeSet change)
    {
        if (change.Everything) _cache.Clear();
        if (change.Templates) _cache.InvalidateTemplates();

        var clock = Stopwatch.StartNew();
        var previous = _current;
        var version = $"{_instance}-{Interlocked.Increment(ref _builds)}";
        // Set once the first pages are served: requests for any other file wait for it.
        TaskCompletionSource<SiteSnapshot>? whole = null;
        var first = previous is null ? null : new FirstPages(FirstPaths(change, previous), files => whole = HandOverFirst(files, previous, version));
        try
        {
            var result = Build(first, clock);
            return Finish(change, clock, previous, version, result, handedOver: whole is not null);
        }
        finally
        {
            // Whatever happened, nothing waits past the rebuild: it gets what serve now holds.
            whole?.TrySetResult(_current!);
        }
    }

    private BuildResult Build(FirstPages? first, Stopwatch clock)
    {
        BuildResult result;
        try
        {
            result = _build(_options, _cache, first);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file vanished or was locked between listing and reading; the next save rebuilds.
            _cache.Clear();
            var failed = new DiagnosticBag();
            failed.Error(Codes.ContentUnreadable, DisplayPathOf(_options.Content), 0, 0, $"could not read the content: {e.Message} (save the file again)");
            result = new BuildResult([], failed, 0, 0, clock.Elapsed);
        }
        catch (Exception e)
        {
            // A bug, not a content mistake: the preview must survive it, keep serving the last
            // good pages and rebuild on the next save, from scratch in case the cache is what broke.
            _cache.Clear();
            var failed = new DiagnosticBag();
            failed.Error(Codes.InternalError, DisplayPathOf(_options.Content), 0, 0,
                $"internal error while building: {e.GetType().Name}: {e.Message} (this is a bug in RoadmapGen, please report it with the change that caused it; "
                + (_verbose ? "stack trace below)" : "run serve with --verbose for the stack trace)"));
            if (_verbose) _console.WriteLine(e.ToString());
            result = new BuildResult([], failed, 0, 0, clock.Elapsed);
        }
        return result;
    }

    /// <param name="handedOver">Whether the first pages were served and the pages told to reload already.</param>
    private RebuildReport Finish(ChangeSet change, Stopwatch clock, SiteSnapshot? previous, string version, BuildResult result, bool handedOver)
    {
        var diagnostics = result.Diagnostics.Sorted();
        IReadOnlyList<string> changed = [];
        if (result.Succeeded)
        {
            // The same version as the first pages: those are these bytes, so their pages need no second reload.
            var next = new SiteSnapshot(result.Files, version);
            changed = next.ChangedSince(previous);
            if (changed.Count > 0 || handedOver) _current = next;
        }
        // A rebuild that fails after its first pages went out serves the last good build again
        // (the open pages keep what they show, with the errors over it).
        else if (handedOver) _current = previous;
        _diagnostics = diagnostics;
        var report = new RebuildReport(result.Succeeded, clock.Elapsed, change, diagnostics, changed, _cache.FilesParsed,
            _cache.PagesRendered, _cache.PagesChecked);
        // The terminal says what happened before the diagnostics reach any page (and, unless the
        // first pages went out early, before any page reloads).
        RebuildMessages.Print(_console, report, previous is null, result.Pages, servingLastGood: _current is not null);
        _events.PublishState(RebuildMessages.StateJson(diagnostics, _current?.Version, lastGood: _current is not null));
        if (result.Succeeded && changed.Count > 0 && !handedOver)
            _events.Publish("reload", JsonSerializer.Serialize(new ReloadMessage(_current!.Version, changed.Count), ServeJson.Default.ReloadMessage));
        return report;
    }

    /// <summary>
    /// The pages a rebuild renders first: those open in a browser (as their reload scripts said)
    /// and those made from the files that changed, by the paths they had in the last build.
    /// </summary>
    private IReadOnlySet<string> FirstPaths(ChangeSet change, SiteSnapshot previous)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in _events.OpenPages())
            if (RequestPath.Resolve(page, _options.BasePath, previous.Contains) is { Kind: Resolution.File } open && previous.Find(open.Value)!.IsHtml)
                paths.Add(open.Value);
        var edited = change.ContentPaths.Select(DisplayPathOf).ToHashSet(StringComparer.Ordinal);
        foreach (var file in previous.Files)
            if (file.IsHtml && file.SourcePath is { } source && edited.Contains(source)) paths.Add(file.Path);
        return paths;
    }

    /// <summary>
    /// Serves the first pages, when one of them changed, and tells open pages to reload: the
    /// rest of the rebuild (every other page, the check) goes on while the browser fetches them.
    /// </summary>
    private TaskCompletionSource<SiteSnapshot>? HandOverFirst(IReadOnlyList<OutputFile> files, SiteSnapshot previous, string version)
    {
        var changedPages = files.Count(f => f.IsHtml && (previous.Find(f.Path) is not { } old || !old.Content.AsSpan().SequenceEqual(f.Content)));
        if (changedPages == 0) return null;
        var whole = new TaskCompletionSource<SiteSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        while (_firstServed.Wait(0)) { }
        _current = previous.WithFirst(files, version, whole.Task);
        _events.Publish("reload", JsonSerializer.Serialize(new ReloadMessage(version, changedPages), ServeJson.Default.ReloadMessage));
        // The rest of the rebuild takes every core: it waits until each open page has fetched
        // its new version (or a moment has passed), so the reload and that fetch get the machine.
        var clients = _events.Clients;
        var headStart = Stopwatch.StartNew();
        for (var served = 0; served < clients; served++)
        {
            var left = BrowserHeadStart - headStart.Elapsed;
            if (left <= TimeSpan.Zero || !_firstServed.Wait(left)) break;
        }
        return whole;
    }

    /// <summary>Told by requests: a page of the first pages was sent while the rest of its rebuild waited.</summary>
    internal void FirstPageServed() => _firstServed.Release();

    private static string DisplayPathOf(string folder) => Load.DisplayPath.Of(Path.GetFullPath(folder));
}
