using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using RoadmapGen.Render;

namespace RoadmapGen.Serve;

/// <summary>
/// How serve answers a request: a file of the last good build (pages with the reload script),
/// the reload events, a redirect or a 404; only GET and HEAD, and only to loopback names when it
/// listens on loopback.
/// </summary>
internal sealed class SiteRequests(LiveSite site, EventHub events, string basePath, bool loopbackOnly, CancellationToken stopping)
{
    private readonly LiveSite _site = site;
    private readonly EventHub _events = events;
    private readonly string _basePath = basePath;
    private readonly bool _loopbackOnly = loopbackOnly;
    private readonly CancellationToken _stopping = stopping;

    public async Task HandleAsync(HttpContext context)
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
        if (snapshot.Complete is { } complete && !(resolved.Kind == Resolution.File && snapshot.IsFinal(resolved.Value)))
        {
            // The rebuild has handed over only its first pages: anything else is answered once it is whole.
            snapshot = await complete.WaitAsync(context.RequestAborted);
            resolved = RequestPath.Resolve(raw, _basePath, snapshot.Contains);
        }
        switch (resolved.Kind)
        {
            case Resolution.File:
                await SendFile(context, StatusCodes.Status200OK, snapshot, snapshot.Find(resolved.Value)!);
                if (snapshot.Complete is { IsCompleted: false } && snapshot.Find(resolved.Value)!.IsHtml) _site.FirstPageServed();
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
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
        var page = context.Request.Query["page"].ToString();
        await _events.StreamAsync(context.Response.Body, stop.Token, page.StartsWith('/') ? page : null);
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
}
