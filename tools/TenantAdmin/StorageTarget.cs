using Microsoft.Extensions.Options;
using VoiceAgent.Core.Storage;

namespace VoiceAgent.TenantAdmin;

/// <summary>
/// Which storage the command works on: <c>--account NAME</c> (the deployed account, with DefaultAzureCredential: az login,
/// environment, managed identity), <c>--connection-string CS</c>, or Azurite on its default ports when neither is given.
/// <c>VOICEAGENT_STORAGE_ACCOUNT</c> and <c>VOICEAGENT_STORAGE</c> stand in for the two options.
/// </summary>
internal sealed record StorageTarget(StorageOptions Options, string Description)
{
    public const string Azurite = "UseDevelopmentStorage=true";

    public static StorageTarget From(string? account, string? connectionString)
    {
        account ??= Environment.GetEnvironmentVariable("VOICEAGENT_STORAGE_ACCOUNT");
        connectionString ??= Environment.GetEnvironmentVariable("VOICEAGENT_STORAGE");
        if (!string.IsNullOrWhiteSpace(account) && !string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("Give --account or --connection-string, not both.");
        }

        if (!string.IsNullOrWhiteSpace(account))
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(account, "^[a-z0-9]{3,24}$"))
            {
                throw new ArgumentException($"--account '{account}' is not a storage account name (3-24 lower-case letters and digits).");
            }

            return new(new StorageOptions { TableServiceUri = new Uri($"https://{account}.table.core.windows.net") }, $"storage account {account} (signed in with DefaultAzureCredential)");
        }

        return string.IsNullOrWhiteSpace(connectionString)
            ? new(new StorageOptions { ConnectionString = Azurite }, "Azurite on its default ports (127.0.0.1:10002)")
            : new(new StorageOptions { ConnectionString = connectionString }, "the storage in the given connection string");
    }

    public VoiceAgentTables Tables() => new(Microsoft.Extensions.Options.Options.Create(Options));
}
