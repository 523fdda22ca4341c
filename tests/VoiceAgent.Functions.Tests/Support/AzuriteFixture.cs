using VoiceAgent.LocalStack;

namespace VoiceAgent.Functions.Tests.Support;

/// <summary>One Azurite per test class (in memory, free ports); each test isolates itself with its own table names.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _server;

    public AzuriteServer Server => _server ?? throw new InvalidOperationException("Azurite has not started.");

    public async Task InitializeAsync() => _server = await AzuriteServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
