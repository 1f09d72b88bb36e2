using RoadmapGen.Cli;

namespace RoadmapGen.BrowserTests.Infrastructure;

/// <summary>
/// A site of its own for tests that need other content than the real site's: <c>write</c> fills
/// an empty content folder (and may copy the templates to change them), then the site is built
/// and served under /roadmap/ like the shared one, and its folders are deleted on dispose.
/// A test class takes it as a class fixture through a subclass that names its writer, so the
/// site is built once for all of the class's tests.
/// </summary>
public abstract class GeneratedSite(Action<GeneratedSite> write) : IAsyncLifetime, IAsyncDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "roadmapgen-site-" + Guid.NewGuid().ToString("N")[..12]);
    private SiteServer? _server;

    public string Content => Path.Combine(_root, "content");
    public string Templates { get; private set; } = RepositoryFiles.Templates;
    public string OutDir => Path.Combine(_root, "site");

    /// <summary>http://127.0.0.1:port/roadmap/</summary>
    public Uri SiteUrl => _server?.SiteUrl ?? throw new InvalidOperationException("the generated site did not start");

    /// <summary>Builds with a copy of the real templates, which the writer may then change; returns its folder.</summary>
    public string CopyTemplates()
    {
        Templates = Path.Combine(_root, "templates");
        RepositoryFiles.CopyFolder(RepositoryFiles.Templates, Templates);
        return Templates;
    }

    public async Task InitializeAsync()
    {
        // Without a browser the tests are skipped (or fail under CI, in SiteFixture): nothing to serve.
        if (!Chromium.IsInstalled) return;
        Directory.CreateDirectory(Content);
        write(this);
        Build();
        _server = await SiteServer.StartAsync(OutDir, SiteFixture.BasePath);
    }

    /// <summary>Builds the content into the served folder (a build replaces the folder it wrote before).</summary>
    public void Build()
    {
        var log = new StringWriter();
        if (BuildCommand.Run(new BuildOptions(Content, Templates, SiteFixture.BasePath), OutDir, log) != 0)
            throw new InvalidOperationException($"{GetType().Name} did not build:\n" + log);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
}
