using Microsoft.Playwright;
using RoadmapGen.Cli;

namespace RoadmapGen.BrowserTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "built site in Chromium";
}

/// <summary>
/// Builds the real content with the real templates once, serves it under /roadmap/ on loopback,
/// and starts one Chromium that every test opens its own isolated context in.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    /// <summary>
    /// Timeouts for a slow, shared machine, in milliseconds. Each is what the page needs at worst, never a wait:
    /// an action (a click waits for its element to be visible, stable and enabled) or an assertion ends as soon
    /// as the page is ready, and a navigation when its "load" event fires.
    /// </summary>
    public static class Patience
    {
        public const float Expect = 15_000;
        public const float Action = 15_000;
        public const float Navigation = 30_000;
    }

    public const string BasePath = "/roadmap/";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private SiteServer? _server;

    public string OutDir { get; } = Path.Combine(Path.GetTempPath(), "roadmapgen-browser-" + Guid.NewGuid().ToString("N")[..12]);
    public RoadmapContent Content { get; private set; } = null!;

    /// <summary>http://127.0.0.1:port/roadmap/</summary>
    public Uri SiteUrl => _server?.SiteUrl ?? throw new InvalidOperationException(NotStarted);
    public IBrowser Browser => _browser ?? throw new InvalidOperationException(NotStarted);

    private static string NotStarted => Chromium.IsInstalled ? "the site fixture did not start" : Chromium.MissingMessage;

    public async Task InitializeAsync()
    {
        if (!Chromium.IsInstalled)
        {
            if (Chromium.IsRequired) throw new InvalidOperationException(Chromium.MissingMessage + "; CI=true, so the browser tests must run, not skip.");
            return;
        }
        Content = RoadmapContent.Load(RepositoryFiles.Content, "backend");

        var log = new StringWriter();
        var options = new BuildOptions(RepositoryFiles.Content, RepositoryFiles.Templates, BasePath);
        if (BuildCommand.Run(options, OutDir, log) != 0)
            throw new InvalidOperationException("The site did not build:\n" + log);
        _server = await SiteServer.StartAsync(OutDir, BasePath);

        // The driver ships inside the NuGet package; the browser is the system's, never downloaded.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = Chromium.Args,
        });
        // How long a web-first assertion retries before it fails: a passing one returns as soon as the page
        // shows what it expects, so only a failure waits this long. CI's two cores, running the suite beside
        // a build, took seconds for what a quiet laptop does in milliseconds (83 tests in 7 minutes).
        Assertions.SetDefaultExpectTimeout(Patience.Expect);
    }

    /// <summary>A fresh context (own storage, cookies, downloads) that records what its pages do.</summary>
    public async Task<BrowserSession> NewSessionAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL ??= SiteUrl.ToString();
        options.ColorScheme ??= ColorScheme.Light;
        options.ViewportSize ??= new ViewportSize { Width = 1280, Height = 900 };
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(Patience.Action);
        context.SetDefaultNavigationTimeout(Patience.Navigation);
        return await BrowserSession.StartAsync(context);
    }

    public string Url(string relative) => new Uri(SiteUrl, relative).ToString();

    /// <summary>The built file behind a URL path of this site, e.g. /roadmap/assets/app.123.js.</summary>
    public string BuiltFile(string urlPath)
    {
        var relative = urlPath.StartsWith(BasePath, StringComparison.Ordinal) ? urlPath[BasePath.Length..] : urlPath.TrimStart('/');
        return Path.Combine(OutDir, relative.Replace('/', Path.DirectorySeparatorChar));
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        if (Directory.Exists(OutDir)) Directory.Delete(OutDir, recursive: true);
    }
}
