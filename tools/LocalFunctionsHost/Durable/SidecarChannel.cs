using System.Net.Sockets;
using Grpc.Net.Client;

namespace VoiceAgent.LocalFunctionsHost.Durable;

/// <summary>
/// The gRPC channel the Durable worker and client share to the sidecar. The sidecar's port is only known once it has
/// started, after DI has built the worker, so the channel has a placeholder address and connects to the sidecar's
/// endpoint when it opens a connection (HTTP/2 without TLS, on loopback).
/// </summary>
public sealed class SidecarChannel : IDisposable
{
    private readonly SocketsHttpHandler _handler;

    public SidecarChannel(DurableSidecar sidecar)
    {
        ArgumentNullException.ThrowIfNull(sidecar);
        _handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(sidecar.EndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        Channel = GrpcChannel.ForAddress("http://durable-sidecar", new GrpcChannelOptions
        {
            HttpHandler = _handler,
            MaxReceiveMessageSize = null,
            MaxSendMessageSize = null,
        });
    }

    public GrpcChannel Channel { get; }

    public void Dispose()
    {
        Channel.Dispose();
        _handler.Dispose();
    }
}
