using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using RoadmapGen.Diagnostics;

namespace RoadmapGen.Serve;

public sealed record ServeOptions(string Content = "content", string Templates = "templates", string Host = "127.0.0.1", int Port = 5000, string BasePath = "/", bool Verbose = false);

/// <summary>
/// <c>serve</c>: builds in memory, serves the last good build with Kestrel, rebuilds on every
/// save and tells open pages to reload (or shows them the errors). Nothing is written to disk.
/// This is its life (start, watch, stop); <see cref="SiteRequests"/> answers its requests.
/// </summary>
public sealed class DevServer : IAsyncDisposable
{
    /// <summary>Short enough to feel instant, long enough to fold an editor's save (several events) into one rebuild.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(20);

    /// <summary>Someone saving every few milliseconds (a formatter over many files) still sees a rebuild this often.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromMilliseconds(250);

    private readonly WebApplication _app;
    private readonly EventHub _events;
    private readonly ContentWatcher _watcher;
    private readonly CancellationTokenSource _stopping;
    private readonly string _basePath;
    private Task _rebuilds = Task.CompletedTask;

    private DevServer(WebApplication app, EventHub events, ContentWatcher watcher, string basePath, CancellationTokenSource stopping)
    {
        _app = app;
        _events = events;
        _watcher = watcher;
        _basePath = basePath;
        _stopping = stopping;
    }

    /// <summary>The address the server listens on, with the real port when 0 asked for any free one.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The site's home page: <see cref="Address"/> plus the base path.</summary>
    public Uri HomeUrl => new(Address, _basePath);

    /// <summary>
    /// Builds once, then listens. Returns null when the content or templates folder does not
    /// exist (its diagnostic is printed): there would be nothing to watch.
    /// </summary>
    /// <exception cref="IOException">The address is in use.</exception>
    public static async Task<DevServer?> StartAsync(ServeOptions options, TextWriter console, CancellationToken cancel = default)
    {
        var address = ParseHost(options.Host);
        var basePath = new Routes(options.BasePath).Base;
        var build = new BuildOptions(options.Content, options.Templates, basePath);
        if (!Directory.Exists(options.Content) || !Directory.Exists(options.Templates))
        {
            DiagnosticPrinter.Print(SiteBuild.Run(build).Diagnostics.Sorted(), console, githubAnnotations: false);
            return null;
        }
        var events = new EventHub(TimeSpan.FromSeconds(15));
        var site = new LiveSite(build, console, events, options.Verbose);
        site.Rebuild(ChangeSet.All);
        var watcher = new ContentWatcher(options.Content, options.Templates, Quiet, LongestWait, site.Changed);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, options.Port);
        });
        var app = builder.Build();
        var stopping = new CancellationTokenSource();
        var server = new DevServer(app, events, watcher, basePath, stopping);
        app.Run(new SiteRequests(site, events, basePath, IPAddress.IsLoopback(address), stopping.Token).HandleAsync);
        try
        {
            await app.StartAsync(cancel);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        server.Address = new Uri(app.Urls.First() + "/");
        server._rebuilds = Task.Run(() => site.RunAsync(server._stopping.Token));
        return server;
    }

    private static IPAddress ParseHost(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return IPAddress.Loopback;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var address)) return address;
        throw new ArgumentException($"--host '{host}' is not an IP address (use 127.0.0.1, or 0.0.0.0 to listen on every interface)");
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _watcher.Dispose();
        _events.Dispose();
        await _app.StopAsync();
        await _rebuilds;
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
