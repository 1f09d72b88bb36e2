using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Logging;

namespace RoadmapGen.BrowserTests.Infrastructure;

/// <summary>Serves a built site folder under a base path, the way GitHub Pages serves a project site.</summary>
public sealed class SiteServer : IAsyncDisposable
{
    private static readonly FileExtensionContentTypeProvider Types = new();
    private readonly WebApplication _app;
    private readonly string _root;
    private readonly string _basePath;

    private SiteServer(WebApplication app, string root, string basePath)
    {
        _app = app;
        _root = Path.GetFullPath(root);
        _basePath = basePath;
    }

    /// <summary>The site's root URL, ending in the base path, e.g. http://127.0.0.1:41234/roadmap/.</summary>
    public Uri SiteUrl { get; private set; } = null!;

    public static async Task<SiteServer> StartAsync(string folder, string basePath)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = folder });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new SiteServer(app, folder, basePath);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        // Port 0 lets the OS pick a free port; the bound address is known only after start.
        server.SiteUrl = new Uri(new Uri(app.Urls.First()), basePath);
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        if (!path.StartsWith(_basePath, StringComparison.Ordinal))
        {
            await SendFileAsync(response, Path.Combine(_root, "404.html"), StatusCodes.Status404NotFound);
            return;
        }
        var relative = Uri.UnescapeDataString(path[_basePath.Length..]);
        var file = Path.GetFullPath(Path.Combine(_root, relative));
        if (!file.StartsWith(_root, StringComparison.Ordinal))
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (Directory.Exists(file) && !path.EndsWith('/'))
        {
            response.Redirect(path + "/" + context.Request.QueryString, permanent: true);
            return;
        }
        if (path.EndsWith('/')) file = Path.Combine(file, "index.html");
        if (File.Exists(file)) await SendFileAsync(response, file, StatusCodes.Status200OK);
        else await SendFileAsync(response, Path.Combine(_root, "404.html"), StatusCodes.Status404NotFound);
    }

    private static async Task SendFileAsync(HttpResponse response, string file, int status)
    {
        response.StatusCode = status;
        if (!Types.TryGetContentType(file, out var type)) type = "application/octet-stream";
        response.ContentType = type.StartsWith("text/", StringComparison.Ordinal) || type is "application/json" or "application/javascript" or "image/svg+xml"
            ? type + "; charset=utf-8"
            : type;
        await response.SendFileAsync(file);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
