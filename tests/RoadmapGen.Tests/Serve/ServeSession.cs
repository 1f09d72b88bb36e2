using RoadmapGen.Serve;

namespace RoadmapGen.Tests.Serve;

/// <summary>serve, in process, on a free loopback port, over a temporary copy of the real content and templates.</summary>
public sealed class ServeSession : IAsyncDisposable
{
    private ServeSession(string root, DevServer server, StringWriter console)
    {
        Root = root;
        Server = server;
        ConsoleText = console;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Root { get; }
    public DevServer Server { get; }
    public HttpClient Http { get; }
    private StringWriter ConsoleText { get; }

    /// <summary>What serve printed so far.</summary>
    public string Console
    {
        get { lock (ConsoleText) return ConsoleText.ToString(); }
    }

    public string Content => Path.Combine(Root, "content");
    public string Templates => Path.Combine(Root, "templates");

    public string TopicFile(string slug) => Path.Combine(Content, "roadmaps", "backend", "topics", slug + ".md");

    /// <param name="prepare">Changes the copied content before serve starts.</param>
    public static async Task<ServeSession> StartAsync(string basePath = "/", Action<string>? prepare = null)
    {
        var root = TestPaths.NewTempDir();
        RepositoryFiles.CopyContent(Path.Combine(root, "content"));
        TestPaths.CopyDirectory(TestPaths.Templates, Path.Combine(root, "templates"));
        prepare?.Invoke(Path.Combine(root, "content"));
        var console = new StringWriter { NewLine = "\n" };
        var options = new ServeOptions(Path.Combine(root, "content"), Path.Combine(root, "templates"), Port: 0, BasePath: basePath);
        var server = await DevServer.StartAsync(options, TextWriter.Synchronized(console))
            ?? throw new InvalidOperationException("serve did not start: " + console);
        return new ServeSession(root, server, console);
    }

    public async Task<EventStream> EventsAsync()
    {
        var stream = await EventStream.ConnectAsync(Server.Address);
        // Every connection is first told the current state; after it, events are about what comes next.
        await stream.NextAsync("diagnostics");
        return stream;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
