using System.Text;
using System.Threading.Channels;

namespace RoadmapGen.Serve;

/// <summary>
/// Server-sent events to every open page. A page that connects is told the current build state
/// first, so it learns of errors (or of a rebuild) that happened before it was listening.
/// </summary>
public sealed class EventHub : IDisposable
{
    private static readonly byte[] Ping = ": ping\n\n"u8.ToArray();
    private readonly object _gate = new();
    private readonly List<(Channel<byte[]> Channel, string? Page)> _clients = [];
    private readonly Timer _keepAlive;
    private byte[] _state = Format("diagnostics", """{"version":null,"lastGood":false,"errors":0,"warnings":0,"text":"","diagnostics":[]}""");

    public EventHub(TimeSpan keepAliveEvery)
    {
        // Proxies and some browsers drop a stream that stays silent; a comment line keeps it open.
        _keepAlive = new Timer(_ => Send(Ping), null, keepAliveEvery, keepAliveEvery);
    }

    /// <summary>Replaces the state new pages are told, and tells the open ones.</summary>
    public void PublishState(string json)
    {
        var frame = Format("diagnostics", json);
        lock (_gate) _state = frame;
        Send(frame);
    }

    public void Publish(string eventName, string json) => Send(Format(eventName, json));

    /// <summary>How many pages are listening.</summary>
    public int Clients
    {
        get { lock (_gate) return _clients.Count; }
    }

    /// <summary>The request paths the open pages said they show (the reload script sends its own).</summary>
    public IReadOnlyList<string> OpenPages()
    {
        lock (_gate) return _clients.Select(c => c.Page).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Streams events to one page until it goes away or <paramref name="stop"/> fires.</summary>
    /// <param name="page">The path of the page listening, when it said (a rebuild renders it first).</param>
    public async Task StreamAsync(Stream body, CancellationToken stop, string? page = null)
    {
        var channel = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        byte[] state;
        lock (_gate)
        {
            _clients.Add((channel, page));
            state = _state;
        }
        try
        {
            // A dropped connection comes back within a second rather than the browser's default three.
            await body.WriteAsync("retry: 1000\n\n"u8.ToArray(), stop);
            await body.WriteAsync(state, stop);
            await body.FlushAsync(stop);
            await foreach (var frame in channel.Reader.ReadAllAsync(stop))
            {
                await body.WriteAsync(frame, stop);
                if (channel.Reader.Count == 0) await body.FlushAsync(stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
            // The page went away mid-write.
        }
        finally
        {
            lock (_gate) _clients.RemoveAll(c => c.Channel == channel);
        }
    }

    private void Send(byte[] frame)
    {
        lock (_gate)
        {
            foreach (var client in _clients) client.Channel.Writer.TryWrite(frame);
        }
    }

    private static byte[] Format(string eventName, string json) =>
        Encoding.UTF8.GetBytes($"event: {eventName}\ndata: {json}\n\n");

    public void Dispose()
    {
        _keepAlive.Dispose();
        lock (_gate)
        {
            foreach (var client in _clients) client.Channel.Writer.TryComplete();
        }
    }
}
