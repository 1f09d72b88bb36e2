using System.Text.Json;
using System.Threading.Channels;

namespace RoadmapGen.Tests.Serve;

/// <summary>A client of serve's server-sent events, as the reload script sees them.</summary>
public sealed class EventStream : IAsyncDisposable
{
    /// <summary>An upper bound so a broken serve fails the test instead of hanging it; not a performance limit.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<(string Event, JsonElement Data)> _events = Channel.CreateUnbounded<(string, JsonElement)>();
    private readonly Task _reader;

    private EventStream(HttpClient http, Stream body)
    {
        _http = http;
        _reader = Task.Run(() => Read(body));
    }

    public static async Task<EventStream> ConnectAsync(Uri server)
    {
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var response = await http.GetAsync(new Uri(server, "/__roadmapgen/events"), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new EventStream(http, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The next event named <paramref name="name"/> (others are skipped) that satisfies <paramref name="match"/>.</summary>
    public async Task<JsonElement> NextAsync(string name, Func<JsonElement, bool>? match = null)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var (eventName, data) = await _events.Reader.ReadAsync(timeout.Token);
            if (eventName == name && (match is null || match(data))) return data;
        }
    }

    private async Task Read(Stream body)
    {
        using var reader = new StreamReader(body);
        string? eventName = null;
        var data = "";
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal)) eventName = line["event: ".Length..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal)) data += line["data: ".Length..];
                else if (line.Length == 0 && eventName is not null)
                {
                    _events.Writer.TryWrite((eventName, JsonDocument.Parse(data).RootElement.Clone()));
                    eventName = null;
                    data = "";
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
        }
        _events.Writer.TryComplete();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _http.Dispose();
        await _reader;
        _stop.Dispose();
    }
}
