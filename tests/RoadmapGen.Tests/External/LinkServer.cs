using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RoadmapGen.Tests.External;

/// <summary>
/// A local server on 127.0.0.1 (random port) that answers the way real sites misbehave, and
/// records every request, so the external checker is tested without the internet.
/// </summary>
public sealed class LinkServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, string Method, DateTimeOffset At)> _requests = new();
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private int _inFlight;
    private int _maxInFlight;

    public string Base { get; }

    private LinkServer(WebApplication app, string baseUrl)
    {
        _app = app;
        Base = baseUrl;
    }

    public static async Task<LinkServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LinkServer? server = null;
        app.Run(context => server!.Answer(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server = new LinkServer(app, address.TrimEnd('/'));
        return server;
    }

    public string Url(string path) => Base + path;

    /// <summary>Requests the server received for a path (HEAD and GET each count).</summary>
    public IReadOnlyList<(string Method, DateTimeOffset At)> RequestsTo(string path) =>
        _requests.Where(r => r.Path == path).Select(r => (r.Method, r.At)).ToList();

    public int TotalRequests => _requests.Count;

    /// <summary>The most requests under /parallel/ that were being answered at the same moment.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    private async Task Answer(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var method = context.Request.Method;
        _requests.Enqueue((path, method, DateTimeOffset.UtcNow));
        var hit = _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        var response = context.Response;
        switch (path)
        {
            case "/ok":
                response.StatusCode = 200;
                break;
            case "/missing":
                response.StatusCode = 404;
                break;
            case "/forbidden":
                response.StatusCode = 403;
                break;
            case "/flaky":
                response.StatusCode = hit == 1 ? 500 : 200;
                break;
            case "/busy":
                response.StatusCode = hit == 1 ? 429 : 200;
                if (hit == 1) response.Headers.RetryAfter = "1";
                break;
            case "/busy-for-an-hour":
                response.StatusCode = hit == 1 ? 429 : 200;
                if (hit == 1) response.Headers.RetryAfter = DateTimeOffset.UtcNow.AddHours(1).ToString("R");
                break;
            case "/no-head":
                response.StatusCode = method == "HEAD" ? 405 : 200;
                break;
            case "/slow":
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                response.StatusCode = 200;
                break;
            default:
                if (path.StartsWith("/parallel/", StringComparison.Ordinal))
                {
                    var now = Interlocked.Increment(ref _inFlight);
                    int max;
                    while ((max = Volatile.Read(ref _maxInFlight)) < now && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max) { }
                    // Held until a second request arrives (or a while passes), then a little longer:
                    // every request the checker lets through at once is then in flight together.
                    for (var waited = 0; Volatile.Read(ref _inFlight) < 2 && waited < 200; waited++) await Task.Delay(10);
                    await Task.Delay(50);
                    Interlocked.Decrement(ref _inFlight);
                    response.StatusCode = 200;
                }
                else response.StatusCode = 404;
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
