using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using RoadmapGen.Serve;

namespace RoadmapGen.Tests.Serve;

/// <summary>
/// After a save, serve hands out the edited topic's pages and the pages open in a browser first,
/// tells browsers to reload, and only then renders and checks the rest; until then a request for
/// any other page waits for the whole rebuild, so an old page is never served as the new one.
/// </summary>
public sealed class FirstPagesTests : IDisposable
{
    private const string EditedTitle = "Caching, retitled while serving";
    private readonly string _content = TestPaths.NewTempDir();
    private readonly EventHub _events = new(TimeSpan.FromMinutes(1));

    public void Dispose()
    {
        _events.Dispose();
        Directory.Delete(_content, recursive: true);
    }

    private string Topic => Path.Combine(_content, "roadmaps", "backend", "topics", "caching.md");

    /// <summary>A serve whose rebuilds run <paramref name="atHandOver"/> on the build's thread right after the first pages went out.</summary>
    private LiveSite Serve(Action<LiveSite> atHandOver)
    {
        RepositoryFiles.CopyContent(_content);
        LiveSite? live = null;
        live = new LiveSite(new BuildOptions(_content, TestPaths.Templates), TextWriter.Null, _events,
            build: (options, memo, first, cancel) => SiteBuild.Run(options, memo, cancel: cancel, first: first is null ? null : first with
            {
                Ready = files =>
                {
                    first.Ready(files);
                    atHandOver(live!);
                },
            }));
        Assert.True(live.Rebuild(ChangeSet.All).Succeeded);
        return live;
    }

    private RebuildReport RetitleCaching(LiveSite live)
    {
        File.WriteAllText(Topic, File.ReadAllText(Topic).Replace("title: Caching", "title: " + EditedTitle, StringComparison.Ordinal));
        return live.Rebuild(new ChangeSet(new HashSet<string> { Topic }, Templates: false, Everything: false));
    }

    [Fact]
    public async Task The_edited_page_and_the_page_a_browser_shows_reload_before_the_rest_is_rendered_and_checked()
    {
        SiteSnapshot? handedOver = null;
        string? streamAtHandOver = null;
        var reloadedWhileTheRestWaited = false;
        using var stream = new RecordingStream();
        using var stop = new CancellationTokenSource();
        var live = Serve(site =>
        {
            handedOver = site.Current;
            reloadedWhileTheRestWaited = SpinWait.SpinUntil(() => stream.Text.Contains("event: reload"), TimeSpan.FromSeconds(30));
            streamAtHandOver = stream.Text;
        });
        // The roadmap's map, which lists the topic's title, is open in a browser.
        var listening = _events.StreamAsync(stream, stop.Token, page: "/backend/");
        Assert.True(SpinWait.SpinUntil(() => stream.Text.Contains("event: diagnostics"), TimeSpan.FromSeconds(30)));

        var report = RetitleCaching(live);

        Assert.True(report.Succeeded);
        Assert.True(reloadedWhileTheRestWaited, "no reload event while the rest of the rebuild waited");
        Assert.NotNull(handedOver);
        Assert.Contains(EditedTitle, handedOver.Find("backend/caching/index.html")!.Html);
        Assert.Contains(EditedTitle, handedOver.Find("backend/index.html")!.Html);
        // The whole-roadmap page was still to be rendered: it was not served from the older build meanwhile.
        Assert.False(handedOver.IsFinal("backend/all/index.html"));
        // The reload went out before the rest was checked; the diagnostics come once the whole rebuild is done.
        Assert.Equal(1, Occurrences(streamAtHandOver!, "event: diagnostics"));
        Assert.Equal(1, Occurrences(streamAtHandOver!, "event: reload"));
        Assert.True(SpinWait.SpinUntil(() => Occurrences(stream.Text, "event: diagnostics") == 2, TimeSpan.FromSeconds(30)));
        Assert.Equal(1, Occurrences(stream.Text, "event: reload"));
        // The first pages are the whole build's bytes, under the same version, so no page reloads twice.
        var whole = live.Current!;
        Assert.Equal(handedOver.Version, whole.Version);
        Assert.Equal(handedOver.Find("backend/caching/index.html")!.Content, whole.Find("backend/caching/index.html")!.Content);
        Assert.Contains(EditedTitle, whole.Find("backend/all/index.html")!.Html);
        await stop.CancelAsync();
        await listening.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_request_for_a_page_not_yet_rebuilt_waits_and_gets_the_new_page_never_the_old_one()
    {
        Task<string>? wholeRoadmap = null;
        string? editedPage = null;
        var wholeRoadmapAnsweredEarly = true;
        var live = Serve(site =>
        {
            var requests = new SiteRequests(site, _events, "/", loopbackOnly: false, CancellationToken.None);
            wholeRoadmap = Task.Run(() => Get(requests, "/backend/all/"));
            var page = Get(requests, "/backend/caching/");
            editedPage = page.Wait(TimeSpan.FromSeconds(30)) ? page.Result : null;
            // The rest of the rebuild is held here, so the whole-roadmap page cannot be answered yet.
            wholeRoadmapAnsweredEarly = wholeRoadmap.Wait(TimeSpan.FromMilliseconds(300));
        });

        Assert.True(RetitleCaching(live).Succeeded);

        Assert.Contains($"<h1>{EditedTitle}</h1>", editedPage);
        Assert.False(wholeRoadmapAnsweredEarly, "the whole-roadmap page was answered before it was rebuilt");
        Assert.Contains(EditedTitle, await wholeRoadmap!.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private static async Task<string> Get(SiteRequests requests, string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Host = new HostString("127.0.0.1");
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = path;
        var body = new MemoryStream();
        context.Response.Body = body;
        await requests.HandleAsync(context);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        return Encoding.UTF8.GetString(body.ToArray());
    }

    private static int Occurrences(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
