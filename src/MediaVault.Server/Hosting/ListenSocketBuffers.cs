using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace MediaVault.Server.Hosting;

/// <summary>
/// A fixed socket receive buffer for every connection (set on the listening socket, which accepted sockets inherit).
/// Linux sizes a connection's receive buffer from how fast the application read during the first round trips; an
/// upload sent with <c>Expect: 100-continue</c> starts with the server waiting for the body, so the buffer stayed at
/// ~0.6 MB where one without the header grew to ~1.9 MB, and the sender spent the upload waiting on a full window
/// whenever the server paused (hash, file write). <c>Transport:ReceiveBufferBytes</c> (default 2 MiB, which the
/// kernel doubles up to twice <c>net.core.rmem_max</c>); 0 leaves the kernel's autotuning in charge.
/// </summary>
public static class ListenSocketBuffers
{
    public const string ConfigKey = "Transport:ReceiveBufferBytes";
    public const int DefaultBytes = 2 * 1024 * 1024;

    public static void Configure(SocketTransportOptions options, int receiveBufferBytes)
    {
        if (receiveBufferBytes <= 0)
        {
            return;
        }

        options.CreateBoundListenSocket = endpoint =>
        {
            var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
            if (endpoint is IPEndPoint)
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, receiveBufferBytes);
            }

            return socket;
        };
    }
}
