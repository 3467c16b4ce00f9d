namespace MediaVault.Server.Hosting;

/// <summary>
/// How many received bytes Kestrel keeps per connection that the application has not consumed yet before it stops
/// reading the socket (<c>KestrelServerLimits.MaxRequestBufferSize</c>; reading resumes below half of it).
/// <c>Transport:RequestBufferBytes</c>, default 4 MiB instead of Kestrel's 1 MiB: the upload URL's PUT hashes and
/// writes the request body where Kestrel received it, keeping the 256 KiB block in flight unconsumed until its write
/// is done, so with 1 MiB the pipe paused the socket reads several times per MiB. The memory is only ever what a client
/// has actually sent and the server has not read yet (an idle or slow sender makes a connection hold nothing more than
/// it sent); at most this much plus one 64 KiB receive block per connection.
/// </summary>
public static class RequestBufferLimit
{
    public const string ConfigKey = "Transport:RequestBufferBytes";
    public const long DefaultBytes = 4 * 1024 * 1024;
    private const long MinimumBytes = 64 * 1024;

    /// <summary>The configured limit; bad values fail the start with a message naming the setting.</summary>
    public static long Resolve(long configured) => configured >= MinimumBytes
        ? configured
        : throw new InvalidOperationException($"{ConfigKey} must be at least {MinimumBytes} bytes (got {configured}).");
}
