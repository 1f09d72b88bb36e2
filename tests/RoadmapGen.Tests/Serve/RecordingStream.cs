using System.Text;

namespace RoadmapGen.Tests.Serve;

/// <summary>What the event stream wrote, as a page would read it.</summary>
internal sealed class RecordingStream : Stream
{
    private readonly MemoryStream _written = new();

    public string Text
    {
        get { lock (_written) return Encoding.UTF8.GetString(_written.ToArray()); }
    }

    /// <summary>How many times <paramref name="what"/> was written so far (an event's line: <c>event: reload</c>).</summary>
    public int Count(string what)
    {
        var text = Text;
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        lock (_written) _written.Write(buffer, offset, count);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        lock (_written) _written.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush() { }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
