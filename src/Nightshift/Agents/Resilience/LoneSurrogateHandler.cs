using System.Runtime.InteropServices;

namespace Nightshift.Agents.Resilience;

/// <summary>
/// Passes every successful JSON or server-sent-events answer through <see cref="LoneSurrogateEscapes"/> as the SDK
/// reads it, streamed answers included, so that a lone surrogate a model wrote reaches the agent as U+FFFD instead
/// of failing the whole reply.
/// </summary>
internal sealed class LoneSurrogateHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (!response.IsSuccessStatusCode
            || !(mediaType.Contains("json", StringComparison.OrdinalIgnoreCase) || mediaType.Contains("event-stream", StringComparison.OrdinalIgnoreCase)))
        {
            return response;
        }

        var original = response.Content;
        var body = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var content = new StreamContent(new Filtered(body, original));
        foreach (var header in original.Headers)
        {
            content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = content;
        return response;
    }

    /// <summary>The answer's bytes as the filter lets them through; disposing it disposes the original content.</summary>
    private sealed class Filtered(Stream inner, HttpContent original) : Stream
    {
        private readonly LoneSurrogateEscapes _escapes = new();
        private readonly List<byte> _ready = [];
        private readonly byte[] _buffer = new byte[16 * 1024];
        private int _offset;
        private bool _ended;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            while (_offset == _ready.Count && !_ended)
            {
                _ready.Clear();
                _offset = 0;
                var read = await inner.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    _ended = true;
                    _escapes.Finish(_ready);
                }
                else
                {
                    _escapes.Write(_buffer.AsSpan(0, read), _ready);
                }
            }

            var count = Math.Min(buffer.Length, _ready.Count - _offset);
            CollectionsMarshal.AsSpan(_ready).Slice(_offset, count).CopyTo(buffer.Span);
            _offset += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                original.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
