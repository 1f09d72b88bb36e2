using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.RegularExpressions;

namespace RoadmapGen.Bench;

/// <summary>Edit-to-browser latencies of one preview server: from the moment the file is written until the reload is received and the new page is served.</summary>
public sealed record Latency(IReadOnlyList<double> Milliseconds, string? Failure)
{
    public double? Median => Milliseconds.Count > 0 ? Tools.Median(Milliseconds) : null;

    public string Describe() => Failure ?? $"{Median:F0} ms (min {Milliseconds.Min():F0}, max {Milliseconds.Max():F0})";
}

/// <summary>
/// Times preview servers the same way: a topic's title is changed and saved; the clock stops when
/// the server's reload message has arrived (serve's server-sent event, Hugo's LiveReload
/// WebSocket message) and a GET of the page returns the new title. One edit warms up first.
/// </summary>
public static partial class ServeLatency
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static Latency RoadmapGen(string exe, string[] prefix, Options o, string dir, int edits)
    {
        Tools.DeleteDirectory(dir);
        var content = Path.Combine(dir, "content");
        Tools.CopyDirectory(Path.Combine(o.Root, "content"), content);
        Tools.CopyDirectory(o.Templates, Path.Combine(dir, "templates"));
        var topic = Path.Combine(content, "roadmaps", "backend", "topics", "caching.md");
        using var server = Start(exe, [.. prefix, "serve", "--port", "0", "--content", content, "--templates", Path.Combine(dir, "templates")], dir);
        try
        {
            var home = new Uri(WaitForLine(server, ServingLine()).Groups[1].Value);
            using var http = new HttpClient { BaseAddress = home, Timeout = Patience };
            using var events = http.GetAsync("__roadmapgen/events", HttpCompletionOption.ResponseHeadersRead).Result;
            using var reader = new StreamReader(events.Content.ReadAsStream());
            NextEvent(reader, "diagnostics");
            return Measure(edits, topic, title =>
            {
                NextEvent(reader, "reload");
                return http.GetStringAsync("backend/caching/").Result.Contains(title, StringComparison.Ordinal);
            });
        }
        catch (Exception e) when (e is IOException or HttpRequestException or TimeoutException or AggregateException or InvalidOperationException)
        {
            return new Latency([], "failed: " + e.Message);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
        }
    }

    public static Latency Hugo(string hugo, string hugoSite, string dir, int edits)
    {
        Tools.DeleteDirectory(dir);
        Tools.CopyDirectory(hugoSite, dir);
        var port = FreePort();
        var topic = Directory.GetFiles(Path.Combine(dir, "content"), "*.md", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("_index.md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).First();
        var pagePath = Path.GetRelativePath(Path.Combine(dir, "content"), topic)[..^3].Replace('\\', '/') + "/";
        using var server = Start(hugo, ["server", "--source", dir, "--bind", "127.0.0.1", "--port", port.ToString(),
            "--baseURL", $"http://127.0.0.1:{port}/", "--appendPort=false"], dir);
        try
        {
            WaitForLine(server, HugoReady());
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = Patience };
            using var socket = new ClientWebSocket();
            socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/livereload"), CancellationToken.None).Wait();
            var hello = """{"command":"hello","protocols":["http://livereload.com/protocols/official-7"]}""";
            socket.SendAsync(Encoding.UTF8.GetBytes(hello), WebSocketMessageType.Text, true, CancellationToken.None).Wait();
            NextMessage(socket, "hello");
            return Measure(edits, topic, title =>
            {
                NextMessage(socket, "reload");
                return http.GetStringAsync(pagePath).Result.Contains(title, StringComparison.Ordinal);
            });
        }
        catch (Exception e) when (e is IOException or HttpRequestException or TimeoutException or AggregateException or InvalidOperationException or WebSocketException)
        {
            return new Latency([], "failed: " + e.Message);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
        }
    }

    /// <param name="reloaded">Waits for the reload, then says whether the page shows the title.</param>
    private static Latency Measure(int edits, string topic, Func<string, bool> reloaded)
    {
        var original = File.ReadAllText(topic);
        var times = new List<double>();
        for (var i = 0; i <= edits; i++)
        {
            var title = $"Edited title {i}";
            var text = TitleLine().Replace(original, "title: " + title, 1);
            var clock = Stopwatch.StartNew();
            File.WriteAllText(topic, text);
            if (!reloaded(title)) return new Latency(times, $"failed: edit {i} was not served");
            clock.Stop();
            if (i > 0) times.Add(clock.Elapsed.TotalMilliseconds);
            // Editors do not save twice within a few milliseconds; neither do these edits.
            Thread.Sleep(200);
        }
        return new Latency(times, null);
    }

    private static Process Start(string exe, IEnumerable<string> args, string workingDirectory)
    {
        var info = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {exe}");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    private static Match WaitForLine(Process process, Regex pattern)
    {
        var task = Task.Run(() =>
        {
            while (process.StandardOutput.ReadLine() is { } line)
                if (pattern.Match(line) is { Success: true } match) return match;
            throw new InvalidOperationException("the server exited before it was ready");
        });
        if (!task.Wait(Patience)) throw new TimeoutException("the server did not start");
        // Keep reading so a chatty server never blocks on a full pipe.
        _ = Task.Run(() => { while (process.StandardOutput.ReadLine() is not null) { } });
        return task.Result;
    }

    private static void NextEvent(StreamReader reader, string name)
    {
        var task = Task.Run(() =>
        {
            while (reader.ReadLine() is { } line)
                if (line == "event: " + name) return;
            throw new IOException("the event stream ended");
        });
        if (!task.Wait(Patience)) throw new TimeoutException($"no '{name}' event");
    }

    private static void NextMessage(ClientWebSocket socket, string command)
    {
        var buffer = new byte[16 * 1024];
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var result = socket.ReceiveAsync(buffer, timeout.Token).Result;
            if (result.MessageType == WebSocketMessageType.Close) throw new IOException("the LiveReload socket closed");
            var message = Encoding.UTF8.GetString(buffer, 0, result.Count).Replace(" ", "", StringComparison.Ordinal);
            if (message.Contains($"\"command\":\"{command}\"", StringComparison.Ordinal)) return;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^serving (http://\S+/) ")]
    private static partial Regex ServingLine();

    [GeneratedRegex(@"Web Server is available at")]
    private static partial Regex HugoReady();

    [GeneratedRegex(@"^title: .*$", RegexOptions.Multiline)]
    private static partial Regex TitleLine();
}
