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
/// turns file changes into rebuilds, one at a time. A change that arrives during a rebuild stops
/// it at its next safe point (its first pages, once handed over, stay served until the next
/// rebuild replaces them; nothing else of it is served, printed or kept but what the memo can
/// vouch for), and the next rebuild, of both changes, starts at once.
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
    /// <summary>The last whole build without errors: what a rebuild's changes are counted against.</summary>
    private SiteSnapshot? _settled;
    /// <summary>
    /// What requests for files a stopped rebuild did not hand over wait for (<see cref="SiteSnapshot.Complete"/>):
    /// the next rebuild to finish answers them.
    /// </summary>
    private TaskCompletionSource<SiteSnapshot>? _unanswered;
    private volatile IReadOnlyList<Diagnostic> _diagnostics = [];
    private readonly Lock _runningLock = new();
    /// <summary>Cancels the rebuild under way, when a change arrives.</summary>
    private CancellationTokenSource? _running;

    private readonly bool _verbose;
    private readonly Func<BuildOptions, BuildMemo, FirstPages?, CancellationToken, BuildResult> _build;

    /// <param name="build">How a rebuild runs, given the pages to hand over first and what stops it; tests pass one that fails as a bug would.</param>
    public LiveSite(BuildOptions options, TextWriter console, EventHub events, bool verbose = false,
        Func<BuildOptions, BuildMemo, FirstPages?, CancellationToken, BuildResult>? build = null)
    {
        _options = options;
        _verbose = verbose;
        _build = build ?? ((o, c, first, cancel) => SiteBuild.Run(o, c, first: first, cancel: cancel));
        _console = console;
        _events = events;
    }

    /// <summary>The last build without errors; null until there has been one.</summary>
    public SiteSnapshot? Current => _current;

    /// <summary>The latest build's diagnostics, which may be newer than <see cref="Current"/>.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>A change on disk: rebuilt by <see cref="RunAsync"/>, stopping the rebuild under way (its work is for older content).</summary>
    public void Changed(ChangeSet change)
    {
        _changes.Writer.TryWrite(change);
        lock (_runningLock) _running?.Cancel();
    }

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            // The changes of a rebuild a newer change stopped, rebuilt with it.
            ChangeSet? stopped = null;
            while (stopped is not null || await _changes.Reader.WaitToReadAsync(stop))
            {
                stop.ThrowIfCancellationRequested();
                using var running = CancellationTokenSource.CreateLinkedTokenSource(stop);
                // Set before the changes are read, so any change not read now stops this rebuild.
                lock (_runningLock) _running = running;
                var change = stopped ?? ChangeSet.None;
                while (_changes.Reader.TryRead(out var next)) change = change.Merge(next);
                RebuildReport report;
                try
                {
                    report = Rebuild(change, running.Token);
                }
                finally
                {
                    lock (_runningLock) _running = null;
                }
                stopped = report.Stopped ? change : null;
                if (report.Stopped) continue;
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
        finally
        {
            // Stopped with first pages out: what waits for the rest gets the last whole build.
            _unanswered?.TrySetResult(_settled!);
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

    /// <param name="stop">Cancelled by a newer change: the rebuild stops at its next safe point and reports <see cref="RebuildReport.Stopped"/>.</param>
    public RebuildReport Rebuild(ChangeSet change, CancellationToken stop = default)
    {
        if (change.Everything) _cache.Clear();
        if (change.Templates) _cache.InvalidateTemplates();

        var clock = Stopwatch.StartNew();
        // What is served: the last whole build, or over it the first pages of a rebuild that was stopped.
        var previous = _current;
        var settled = _settled;
        var version = $"{_instance}-{Interlocked.Increment(ref _builds)}";
        // Set once the first pages are served: requests for any other file wait for it.
        TaskCompletionSource<SiteSnapshot>? whole = null;
        var first = previous is null ? null : new FirstPages(FirstPaths(change, previous), files => whole = HandOverFirst(files, previous, version, stop));
        BuildResult? result = null;
        try
        {
            result = Build(first, clock, stop);
            if (result is null) return new RebuildReport(false, clock.Elapsed, change, [], [], _cache.FilesParsed) { Stopped = true };
            return Finish(change, clock, settled, version, result, handedOver: whole is not null);
        }
        finally
        {
            if (result is null && whole is not null) _unanswered = whole;
            else if (result is not null)
            {
                // Whatever happened, nothing waits past a finished rebuild: it gets what serve now holds.
                (whole ?? _unanswered)?.TrySetResult(_current!);
                _unanswered = null;
            }
        }
    }

    /// <returns>Null when <paramref name="stop"/> stopped it.</returns>
    private BuildResult? Build(FirstPages? first, Stopwatch clock, CancellationToken stop)
    {
        BuildResult result;
        try
        {
            result = _build(_options, _cache, first, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return null;
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
    /// <param name="settled">The last whole build without errors when the rebuild started.</param>
    private RebuildReport Finish(ChangeSet change, Stopwatch clock, SiteSnapshot? settled, string version, BuildResult result, bool handedOver)
    {
        var diagnostics = result.Diagnostics.Sorted();
        IReadOnlyList<string> changed = [];
        // First pages are out, this rebuild's or a stopped one's: what is served must become whole.
        var partial = _current?.Complete is not null;
        if (result.Succeeded)
        {
            // The same version as the first pages: those are these bytes, so their pages need no second reload.
            var next = new SiteSnapshot(result.Files, version);
            changed = next.ChangedSince(settled);
            if (changed.Count > 0 || partial) _current = next;
        }
        // A rebuild that fails after first pages went out serves the last good build again
        // (the open pages keep what they show, with the errors over it).
        else if (partial) _current = settled;
        _settled = _current;
        _diagnostics = diagnostics;
        var report = new RebuildReport(result.Succeeded, clock.Elapsed, change, diagnostics, changed, _cache.FilesParsed,
            _cache.PagesRendered, _cache.PagesChecked);
        // The terminal says what happened before the diagnostics reach any page (and, unless the
        // first pages went out early, before any page reloads).
        RebuildMessages.Print(_console, report, settled is null, result.Pages, servingLastGood: _current is not null);
        _events.PublishState(RebuildMessages.StateJson(diagnostics, _current?.Version, lastGood: _current is not null));
        // Pages that reloaded to a stopped rebuild's first pages reload again, even when the whole build is the last one's.
        if (result.Succeeded && (changed.Count > 0 || partial) && !handedOver)
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
    /// <param name="previous">What is served: over the last whole build, a stopped rebuild's first pages, which are no longer fresh.</param>
    /// <param name="stop">Ends the wait for the browsers: a newer change came.</param>
    private TaskCompletionSource<SiteSnapshot>? HandOverFirst(IReadOnlyList<OutputFile> files, SiteSnapshot previous, string version, CancellationToken stop)
    {
        var changedPages = files.Count(f => f.IsHtml && (previous.Find(f.Path) is not { } old || !old.Content.AsSpan().SequenceEqual(f.Content)));
        // Over a stopped rebuild's first pages they go out all the same: only this rebuild's are fresh now.
        if (changedPages == 0 && previous.Complete is null) return null;
        // Requests waiting since a stopped rebuild wait on for this one.
        var whole = _unanswered ?? new TaskCompletionSource<SiteSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
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
            try
            {
                if (left <= TimeSpan.Zero || !_firstServed.Wait(left, stop)) break;
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return whole;
    }

    /// <summary>Told by requests: a page of the first pages was sent while the rest of its rebuild waited.</summary>
    internal void FirstPageServed() => _firstServed.Release();

    private static string DisplayPathOf(string folder) => Load.DisplayPath.Of(Path.GetFullPath(folder));
}
