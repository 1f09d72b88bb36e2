using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using RoadmapGen.Diagnostics;
using RoadmapGen.Render;

namespace RoadmapGen.Serve;

public sealed record ServeOptions(string Content = "content", string Templates = "templates", string Host = "127.0.0.1", int Port = 5000, string BasePath = "/", bool Verbose = false);

/// <summary>
/// <c>serve</c>: builds in memory, serves the last good build with Kestrel, rebuilds on every
/// save and tells open pages to reload (or shows them the errors). Nothing is written to disk.
/// </summary>
public sealed class DevServer : IAsyncDisposable
{
    /// <summary>Short enough to feel instant, long enough to fold an editor's save (several events) into one rebuild.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(20);

    /// <summary>Someone saving every few milliseconds (a formatter over many files) still sees a rebuild this often.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromMilliseconds(250);

    private readonly WebApplication _app;
    private readonly LiveSite _site;
    private readonly EventHub _events;
    private readonly ContentWatcher _watcher;
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _basePath;
    private readonly bool _loopbackOnly;
    private Task _rebuilds = Task.CompletedTask;

    private DevServer(WebApplication app, LiveSite site, EventHub events, ContentWatcher watcher, string basePath, bool loopbackOnly)
    {
        _app = app;
        _site = site;
        _events = events;
        _watcher = watcher;
        _basePath = basePath;
        _loopbackOnly = loopbackOnly;
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
        var server = new DevServer(app, site, events, watcher, basePath, IPAddress.IsLoopback(address));
        app.Run(server.HandleAsync);
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

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        if (_loopbackOnly && !IsLoopbackName(request.Host.Host))
        {
            // A page on another site that re-points its own name at 127.0.0.1 must not read this one.
            await SendText(context, StatusCodes.Status403Forbidden, "serve answers to localhost and 127.0.0.1 only\n");
            return;
        }
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.Headers.Allow = "GET, HEAD";
            await SendText(context, StatusCodes.Status405MethodNotAllowed, "only GET and HEAD\n");
            return;
        }
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.ToUriComponent();
        var rawPath = raw.Split('?', 2)[0];
        if (rawPath == ReloadScript.EventsPath)
        {
            await StreamEvents(context);
            return;
        }
        if (rawPath == ReloadScript.ScriptPath)
        {
            await Send(context, StatusCodes.Status200OK, "text/javascript; charset=utf-8", [Encoding.UTF8.GetBytes(ReloadScript.Source)]);
            return;
        }
        var snapshot = _site.Current;
        if (snapshot is null)
        {
            await SendNotBuiltYet(context);
            return;
        }
        var resolved = RequestPath.Resolve(raw, _basePath, snapshot.Contains);
        switch (resolved.Kind)
        {
            case Resolution.File:
                await SendFile(context, StatusCodes.Status200OK, snapshot, snapshot.Find(resolved.Value)!);
                break;
            case Resolution.Redirect:
                response.Headers.Location = resolved.Value;
                await SendText(context, StatusCodes.Status302Found, "");
                break;
            case Resolution.BadRequest:
                await SendText(context, StatusCodes.Status400BadRequest, "bad request path\n");
                break;
            default:
                if (snapshot.Find(Routes.NotFoundFile) is { } notFound) await SendFile(context, StatusCodes.Status404NotFound, snapshot, notFound);
                else await SendText(context, StatusCodes.Status404NotFound, "not found\n");
                break;
        }
    }

    private static bool IsLoopbackName(string host) =>
        host is "localhost" or "127.0.0.1" or "[::1]" || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);

    private async Task StreamEvents(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/event-stream; charset=utf-8";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        if (HttpMethods.IsHead(context.Request.Method)) return;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        await _events.StreamAsync(context.Response.Body, stop.Token);
    }

    private static Task SendFile(HttpContext context, int status, SiteSnapshot snapshot, OutputFile file) =>
        Send(context, status, SiteSnapshot.ContentType(file.Path),
            file.IsHtml ? ReloadScript.Inject(file.Content, snapshot.Version) : [file.Content]);

    private Task SendNotBuiltYet(HttpContext context)
    {
        var text = WebUtility.HtmlEncode(string.Join('\n', _site.Diagnostics.Where(d => d.IsError).Select(d => d.ToString())));
        var html = "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Build failed · roadmapgen serve</title>\n<style>pre { white-space: pre-wrap; }</style></head>\n"
            + "<body>\n<h1>The site has not built yet</h1>\n<p>Fix these errors and save; this page reloads by itself.</p>\n"
            + $"<pre>{text}</pre>\n</body>\n</html>\n";
        return Send(context, StatusCodes.Status503ServiceUnavailable, "text/html; charset=utf-8", ReloadScript.Inject(Encoding.UTF8.GetBytes(html), ""));
    }

    private static Task SendText(HttpContext context, int status, string text) =>
        Send(context, status, "text/plain; charset=utf-8", [Encoding.UTF8.GetBytes(text)]);

    private static async Task Send(HttpContext context, int status, string contentType, IReadOnlyList<ReadOnlyMemory<byte>> body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Sum(b => (long)b.Length);
        if (HttpMethods.IsHead(context.Request.Method)) return;
        foreach (var segment in body) await response.Body.WriteAsync(segment, context.RequestAborted);
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
