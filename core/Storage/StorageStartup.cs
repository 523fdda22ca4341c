using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Storage;

/// <summary>On start: creates missing tables (when configured) and seeds the demo tenant (when configured).</summary>
public sealed class StorageStartup(VoiceAgentTables tables, DemoTenantSeeder seeder, IOptions<StorageOptions> storage, IOptions<DemoOptions> demo) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (storage.Value.CreateTablesOnStart)
        {
            await tables.CreateIfMissingAsync(cancellationToken);
        }

        if (demo.Value.SeedDemoTenant)
        {
            await seeder.SeedAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
