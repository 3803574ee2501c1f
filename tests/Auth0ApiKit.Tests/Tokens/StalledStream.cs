namespace Auth0ApiKit.Tests.Tokens;

/// <summary>
/// A response body that never sends a byte: a read waits until it is canceled or, when the stream ignores
/// cancellation, until the stream is disposed.
/// </summary>
internal sealed class StalledStream(bool honoursCancellation) : Stream
{
    private readonly TaskCompletionSource<int> _never = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        new(honoursCancellation ? _never.Task.WaitAsync(cancellationToken) : _never.Task);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Only asynchronous reads stall.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        _never.TrySetException(new ObjectDisposedException(nameof(StalledStream)));
        base.Dispose(disposing);
    }
}
