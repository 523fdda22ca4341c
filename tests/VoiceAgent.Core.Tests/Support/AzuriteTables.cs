using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VoiceAgent.Core.Storage;
using VoiceAgent.LocalStack;

namespace VoiceAgent.Core.Tests.Support;

/// <summary>One Azurite per test class; <see cref="NewTablesAsync"/> gives each test its own freshly created tables.</summary>
public sealed class AzuriteTables : IAsyncLifetime
{
    private AzuriteServer? _server;

    public string ConnectionString => (_server ?? throw new InvalidOperationException("Azurite has not started.")).ConnectionString;

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

    public async Task<VoiceAgentTables> NewTablesAsync(StorageOptions? options = null)
    {
        var tables = new VoiceAgentTables(Options.Create(options ?? NewOptions()));
        await tables.CreateIfMissingAsync(CancellationToken.None);
        return tables;
    }
}
