using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RoadmapGen.Tests.External;

/// <summary>
/// A local server on 127.0.0.1 that answers the way real sites misbehave, and records every
/// request, so the external checker is tested without the internet. It listens on two random
/// ports, which the checker counts as two hosts (<see cref="Url"/> and <see cref="OtherHostUrl"/>).
/// Nothing in it waits on the clock: a request under /hold/ is held until the test releases it,
/// and /slow answers only when the client gives up.
/// </summary>
public sealed class LinkServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, string Method, string Host)> _requests = new();
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly CancellationToken _stopping;

    private readonly Lock _hold = new();
    private readonly Dictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _maxInFlight = new(StringComparer.Ordinal);
    private int _maxInFlightOverall;
    private int _held;
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _arrival = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Base { get; }
    public string OtherBase { get; }

    private LinkServer(WebApplication app, string baseUrl, string otherBase)
    {
        _app = app;
        Base = baseUrl;
        OtherBase = otherBase;
        _stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
    }

    public static async Task<LinkServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0", "http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LinkServer? server = null;
        app.Run(context => server!.Answer(context));
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => a.TrimEnd('/')).Order(StringComparer.Ordinal).ToList();
        server = new LinkServer(app, addresses[0], addresses[1]);
        return server;
    }

    public string Url(string path) => Base + path;

    /// <summary>The same path on the server's other port: to the checker, another host.</summary>
    public string OtherHostUrl(string path) => OtherBase + path;

    /// <summary>Requests the server received for a path on either port (HEAD and GET each count).</summary>
    public IReadOnlyList<(string Method, string Host)> RequestsTo(string path) =>
        _requests.Where(r => r.Path == path).Select(r => (r.Method, r.Host)).ToList();

    public int TotalRequests => _requests.Count;

    /// <summary>The most requests under /hold/ that one host (host:port) was answering at the same moment.</summary>
    public int MaxInFlight(string baseUrl)
    {
        var host = new Uri(baseUrl).Authority;
        lock (_hold) return _maxInFlight.GetValueOrDefault(host);
    }

    /// <summary>The most requests under /hold/ the server was answering at the same moment, over both hosts.</summary>
    public int MaxInFlightOverall
    {
        get { lock (_hold) return _maxInFlightOverall; }
    }

    /// <summary>Requests under /hold/ now waiting for <see cref="ReleaseHeld"/>.</summary>
    public int Held
    {
        get { lock (_hold) return _held; }
    }

    /// <summary>
    /// Waits until <paramref name="count"/> requests under /hold/ are held, or <paramref name="work"/>
    /// has ended (a minute at most, so a test that goes wrong fails instead of hanging).
    /// </summary>
    public async Task WaitForHeldAsync(int count, Task work)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!work.IsCompleted)
        {
            Task arrival;
            lock (_hold)
            {
                if (_held >= count) return;
                arrival = _arrival.Task;
            }
            await Task.WhenAny(arrival, work).WaitAsync(guard.Token);
        }
    }

    /// <summary>Lets every held request answer 200; later ones are held again.</summary>
    public void ReleaseHeld()
    {
        lock (_hold)
        {
            _release.SetResult();
            _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _held = 0;
        }
    }

    private async Task Answer(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var method = context.Request.Method;
        var host = context.Request.Host.Value ?? "";
        _requests.Enqueue((path, method, host));
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
                response.StatusCode = hit == 1 ? 503 : 200;
                break;
            case "/down":
                response.StatusCode = 503;
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
            case "/head-not-implemented":
                response.StatusCode = method == "HEAD" ? 501 : 200;
                break;
            case "/slow":
                // Never answers: the client's timeout ends the request (or the server stops).
                try
                {
                    using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
                    await Task.Delay(Timeout.Infinite, either.Token);
                }
                catch (OperationCanceledException)
                {
                }
                return;
            default:
                if (path.StartsWith("/hold/", StringComparison.Ordinal)) await HoldAsync(host);
                response.StatusCode = path.StartsWith("/hold/", StringComparison.Ordinal) ? 200 : 404;
                break;
        }
    }

    /// <summary>Counts the request as in flight for its host until the test releases it.</summary>
    private async Task HoldAsync(string host)
    {
        Task release;
        lock (_hold)
        {
            var now = _inFlight[host] = _inFlight.GetValueOrDefault(host) + 1;
            _maxInFlight[host] = Math.Max(_maxInFlight.GetValueOrDefault(host), now);
            _maxInFlightOverall = Math.Max(_maxInFlightOverall, _inFlight.Values.Sum());
            _held++;
            release = _release.Task;
            _arrival.SetResult();
            _arrival = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        try
        {
            await release.WaitAsync(_stopping);
        }
        finally
        {
            // Before the answer is sent: the client starts its next request only after it, so
            // the count never includes a request that has already been answered.
            lock (_hold) _inFlight[host]--;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
