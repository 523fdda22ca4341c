using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.Core.Storage;

namespace VoiceAgent.Functions.Tests.Support;

/// <summary>
/// The real functions app in memory, against Azurite, with its own tables (a unique prefix), a random auth
/// token, the demo tenant seeded, and a fake clock. Give two instances the same <paramref name="tablePrefix"/> to run
/// two hosts of the app against one set of tables.
/// </summary>
public sealed class FunctionsAppFactory(string storageConnectionString, string? tablePrefix = null, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public const string PublicBaseUrl = "https://voiceagent.example.com";

    public string AuthToken { get; } = Convert.ToHexString(Guid.NewGuid().ToByteArray());

    public string StaffToken { get; } = Convert.ToHexString(Guid.NewGuid().ToByteArray());

    public string TablePrefix { get; } = tablePrefix ?? NewTablePrefix();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 15, 15, 0, TimeSpan.Zero));

    /// <summary>A fresh prefix: tables nobody else uses.</summary>
    public static string NewTablePrefix() => "T" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>This app's name for a table, from its default name (e.g. <c>Calls</c>).</summary>
    public string TableName(string defaultName) => TablePrefix + defaultName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Storage:ConnectionString", storageConnectionString);
        builder.UseSetting("Storage:CreateTablesOnStart", "true");
        foreach (var (setting, name) in StorageOptions.PrefixedTableSettings(TablePrefix))
        {
            builder.UseSetting(setting, name);
        }

        builder.UseSetting("Demo:SeedDemoTenant", "true");
        builder.UseSetting("Twilio:AuthToken", AuthToken);
        builder.UseSetting("Twilio:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("StaffApi:DevToken", StaffToken);
        builder.ConfigureServices(collection =>
        {
            collection.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            services?.Invoke(collection);
        });
    }
}
