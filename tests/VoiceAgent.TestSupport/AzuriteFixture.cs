using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VoiceAgent.Core.Storage;
using VoiceAgent.LocalStack;
using Xunit;

namespace VoiceAgent.TestSupport;

/// <summary>
/// One Azurite (in memory, free ports) for a test class; storage is never mocked. Tests isolate themselves with
/// their own tables (<see cref="NewTablesAsync"/>, or a table prefix for a whole app).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _server;

    public AzuriteServer Server => _server ?? throw new InvalidOperationException("Azurite has not started.");

    public string ConnectionString => Server.ConnectionString;

    public async Task InitializeAsync() => _server = await AzuriteServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Options pointing at this Azurite, with every table name behind a fresh prefix.</summary>
    public StorageOptions NewOptions()
    {
        var prefix = "T" + Guid.NewGuid().ToString("N")[..10];
        var options = new StorageOptions();
        new ConfigurationBuilder()
            .AddInMemoryCollection(StorageOptions.PrefixedTableSettings(prefix))
            .AddInMemoryCollection([KeyValuePair.Create($"{StorageOptions.Section}:ConnectionString", (string?)ConnectionString)])
            .Build()
            .GetSection(StorageOptions.Section)
            .Bind(options);
        return options;
    }

    /// <summary>Freshly created tables of their own.</summary>
    public async Task<VoiceAgentTables> NewTablesAsync(StorageOptions? options = null)
    {
        var tables = new VoiceAgentTables(Options.Create(options ?? NewOptions()));
        await tables.CreateIfMissingAsync(CancellationToken.None);
        return tables;
    }
}
