using System.Net;
using System.Net.Sockets;

namespace RoadmapGen.Bench;

/// <summary>
/// Serves a folder on http://127.0.0.1:&lt;free port&gt;/ for crawlers that need HTTP (root-relative links do
/// not resolve under file://). "/dir/" serves dir/index.html, "/dir" redirects to "/dir/", anything else 404.
/// Every response carries a "LinkChecker" header, which lets linkchecker lift its per-host rate limit.
/// </summary>
public sealed class StaticFileServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly string root;
    private readonly Task loop;

    public StaticFileServer(string root)
    {
        this.root = Path.GetFullPath(root);
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(AcceptLoop);
    }

    public int Port { get; }

    public string RootUrl => $"http://127.0.0.1:{Port}/";

    public void Dispose()
    {
        listener.Stop();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
        listener.Close();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptLoop()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => Serve(context));
        }
    }

    private void Serve(HttpListenerContext context)
    {
        var response = context.Response;
        // Tells linkchecker that this host may be checked without its politeness delay.
        response.AddHeader("LinkChecker", "local benchmark server");
        try
        {
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            var file = Path.GetFullPath(Path.Combine(root, path.TrimStart('/')));
            if (!file.StartsWith(root, StringComparison.Ordinal))
            {
                response.StatusCode = 403;
            }
            else if (Directory.Exists(file) && !path.EndsWith('/'))
            {
                response.StatusCode = 301;
                response.RedirectLocation = path + "/";
            }
            else
            {
                if (Directory.Exists(file))
                {
                    file = Path.Combine(file, "index.html");
                }
                if (File.Exists(file))
                {
                    var bytes = File.ReadAllBytes(file);
                    response.ContentType = ContentType(file);
                    response.ContentLength64 = bytes.Length;
                    if (context.Request.HttpMethod != "HEAD")
                    {
                        response.OutputStream.Write(bytes);
                    }
                }
                else
                {
                    response.StatusCode = 404;
                }
            }
        }
        catch (Exception e) when (e is IOException or HttpListenerException or UriFormatException)
        {
            response.StatusCode = 500;
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
            {
            }
        }
    }

    private static string ContentType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".html" or ".htm" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" or ".mjs" => "text/javascript; charset=utf-8",
        ".json" => "application/json",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".ico" => "image/x-icon",
        ".xml" => "application/xml",
        ".txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
}
