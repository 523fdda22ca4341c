using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VoiceAgent.Core.Tests.Calendars;

/// <summary>The service-account path: a JWT-bearer grant whose RS256 assertion verifies with the key's public half.</summary>
public sealed class GoogleServiceAccountAuthTests
{
    private const string ClientEmail = "voiceagent@northside-demo.iam.gserviceaccount.com";
    private const string KeyId = "3f1e0c2d9b8a7f6e5d4c3b2a19081726";

    [Fact]
    public async Task AnyCall_ServiceAccountKey_PostsJwtBearerGrantWithVerifiableRs256Assertion()
    {
        using var rsa = RSA.Create(2048);
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google, s => UseServiceAccount(s, rsa, google.TokenUrl, subject: "owner@northside.example"));

        await calendar.Provider.GetBusyAsync(CalendarTestData.Tenant, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);

        var grant = Assert.Single(google.TokenRequests).Form!;
        Assert.Equal("urn:ietf:params:oauth:grant-type:jwt-bearer", grant["grant_type"]);
        var parts = grant["assertion"].Split('.');
        Assert.Equal(3, parts.Length);
        Assert.True(
            rsa.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            "the assertion's signature does not verify with the service account's public key");
        var header = JsonNode.Parse(Base64Url(parts[0]))!;
        Assert.Equal("RS256", (string?)header["alg"]);
        Assert.Equal(KeyId, (string?)header["kid"]);
        var claims = JsonNode.Parse(Base64Url(parts[1]))!;
        Assert.Equal(ClientEmail, (string?)claims["iss"]);
        // Google.Apis.Auth posts to the configured token URL but always signs aud = Google's token endpoint, as Google requires.
        Assert.Equal("https://oauth2.googleapis.com/token", (string?)claims["aud"]);
        Assert.Equal("owner@northside.example", (string?)claims["sub"]);
        Assert.Equal("https://www.googleapis.com/auth/calendar", (string?)claims["scope"]);
        var lifetime = (long)claims["exp"]! - (long)claims["iat"]!;
        Assert.InRange(lifetime, 1, 3600);
        Assert.StartsWith("Bearer ya29.", Assert.Single(google.ApiRequests).Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCall_ServiceAccountTokenRevoked_ReissuesOnceAndSucceeds()
    {
        using var rsa = RSA.Create(2048);
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google, s => UseServiceAccount(s, rsa, google.TokenUrl, subject: null));
        await calendar.Provider.GetBusyAsync(CalendarTestData.Tenant, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
        google.RevokeAccessTokens();

        await calendar.Provider.CreateEventAsync(CalendarTestData.OilChange(), CalendarTestData.Tenant, CancellationToken.None);

        Assert.Equal(2, google.TokenRequests.Count);
        Assert.Null(JsonNode.Parse(Base64Url(google.TokenRequests[0].Form!["assertion"].Split('.')[1]))!["sub"]);
        Assert.Single(google.LiveEvents);
    }

    private static void UseServiceAccount(Dictionary<string, string?> settings, RSA rsa, string tokenUrl, string? subject)
    {
        settings.Remove("GoogleCalendar:ClientId");
        settings.Remove("GoogleCalendar:ClientSecret");
        settings.Remove("GoogleCalendar:RefreshToken");
        settings["GoogleCalendar:ServiceAccountJson"] = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["type"] = "service_account",
            ["project_id"] = "northside-demo",
            ["private_key_id"] = KeyId,
            ["private_key"] = rsa.ExportPkcs8PrivateKeyPem(),
            ["client_email"] = ClientEmail,
            ["client_id"] = "104200000000000000001",
            ["token_uri"] = tokenUrl,
        });
        settings["GoogleCalendar:Subject"] = subject;
    }

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
