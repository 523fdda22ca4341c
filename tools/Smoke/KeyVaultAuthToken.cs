using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;

namespace VoiceAgent.Smoke;

/// <summary>
/// The Twilio auth token the deployed app validates signatures with, read where the app reads it: the Key Vault secret
/// <see cref="SecretName"/> (infra/main.bicep), signed in with <see cref="DefaultAzureCredential"/> (your <c>az login</c>;
/// your identity needs Key Vault Secrets User on the vault).
/// </summary>
public static class KeyVaultAuthToken
{
    public const string SecretName = "twilio-auth-token";

    /// <summary><paramref name="vault"/> is the vault's name (<c>AZURE_KEY_VAULT_NAME</c>) or its URI.</summary>
    public static async Task<string> ReadAsync(string vault, CancellationToken cancellationToken)
    {
        var uri = Uri.TryCreate(vault, UriKind.Absolute, out var given) && given.Scheme == "https"
            ? given
            : new Uri($"https://{vault}.vault.azure.net/");
        try
        {
            var secret = await new SecretClient(uri, new DefaultAzureCredential()).GetSecretAsync(SecretName, cancellationToken: cancellationToken);
            return secret.Value.Value;
        }
        catch (Exception ex) when (ex is RequestFailedException or AuthenticationFailedException or CredentialUnavailableException)
        {
            throw new UsageException($"Could not read secret {SecretName} from {uri}: {ex.Message}");
        }
    }
}
