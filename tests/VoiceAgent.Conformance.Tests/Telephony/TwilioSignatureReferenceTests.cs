using System.Security.Cryptography;
using System.Text;
using VoiceAgent.Conformance.Tests.Infrastructure;
using VoiceAgent.Core.Telephony;

namespace VoiceAgent.Conformance.Tests.Telephony;

/// <summary>Our signature code against Twilio's official helper library on many generated requests.</summary>
public sealed class TwilioSignatureReferenceTests
{
    private const string Token = "s3cr3t-\u00e4uth-t\u00f6ken";
    private const int Count = 400;
    private static readonly IReadOnlyList<GeneratedWebhook> Webhooks = WebhookGenerator.Generate(Count, seed: 20261123);

    [Fact]
    public void Generate_Webhooks_CoverTheEdgeCases()
    {
        Assert.Contains(Webhooks, w => w.Parameters.GroupBy(p => p.Key, StringComparer.Ordinal).Any(g => g.Count() > 1));
        Assert.Contains(Webhooks, w => w.Parameters.Any(p => p.Key.Any(char.IsSurrogate) || p.Value.Any(char.IsSurrogate)));
        Assert.Contains(Webhooks, w => w.Host.StartsWith('[') && w.Port is not null);
        Assert.Contains(Webhooks, w => w.UserInfo.Length > 0);
        Assert.Contains(Webhooks, w => w.PathAndQuery.Contains('?', StringComparison.Ordinal));
        Assert.Contains(Webhooks, w => w.Port is null);
        Assert.Contains(Webhooks, w => w.Parameters.Count == 0);
    }

    [Fact]
    public async Task Compute_GeneratedRequests_EqualsOfficialLibrary()
    {
        var requests = Webhooks.Select(w => w.Request(Token)).ToList();

        var official = await TwilioReference.SignAsync(requests);

        var mismatches = requests
            .Select((request, i) => (request, ours: TwilioSignature.Compute(Token, request.Url, request.Parameters), official: official[i]))
            .Where(r => r.ours != r.official)
            .Select(r => $"{r.request}: ours {r.ours}, official {r.official}")
            .ToList();
        Assert.Empty(mismatches);
    }

    [Fact]
    public async Task IsValid_OfficialLibrarySignatures_Accepted()
    {
        var requests = Webhooks.Select(w => w.Request(Token)).Concat(Webhooks.Select(w => w.PortVariantRequest(Token))).ToList();
        var official = await TwilioReference.SignAsync(requests);
        var validator = new TwilioRequestValidator(Token);

        // Each webhook arrives at its URL, signed over the URL itself or over its port variant.
        var rejected = Webhooks.Concat(Webhooks)
            .Select((webhook, i) => (webhook, signature: official[i], valid: validator.IsValid(webhook.Url, webhook.Parameters, official[i])))
            .Where(r => !r.valid)
            .Select(r => $"{r.webhook.Request(Token)} with {r.signature}")
            .ToList();
        Assert.Empty(rejected);
    }

    [Fact]
    public async Task ValidateRequest_OurSignatures_OfficialLibraryAccepts()
    {
        var signed = Webhooks
            .SelectMany(w => new[]
            {
                (w.Request(Token), TwilioSignature.Compute(Token, w.Url, w.Parameters)),
                (w.Request(Token), TwilioSignature.Compute(Token, w.PortVariantUrl, w.Parameters)),
            })
            .ToList();

        var verdicts = await TwilioReference.ValidateAsync(signed);

        var rejected = signed.Where((_, i) => !verdicts[i]).Select(s => $"{s.Item1} with {s.Item2}").ToList();
        Assert.Empty(rejected);
    }

    [Fact]
    public async Task IsValid_TamperedGeneratedRequests_BothImplementationsReject()
    {
        var tampered = Webhooks
            .Select(w => (
                Original: w,
                Tampered: w.Parameters.Count == 0
                    ? w with { PathAndQuery = w.PathAndQuery + "x" }
                    : w with { Parameters = [.. w.Parameters.Skip(1), new(w.Parameters[0].Key, w.Parameters[0].Value + "1")] }))
            .Select(t => (Request: t.Tampered.Request(Token), Signature: TwilioSignature.Compute(Token, t.Original.Url, t.Original.Parameters)))
            .ToList();
        var validator = new TwilioRequestValidator(Token);

        var official = await TwilioReference.ValidateAsync(tampered);

        Assert.DoesNotContain(true, official);
        Assert.DoesNotContain(tampered, t => validator.IsValid(t.Request.Url, t.Request.Parameters, t.Signature));
    }

    [Fact]
    public async Task Compute_ParameterNamesOrderedByUtf16CodeUnits_EqualsOfficialLibrary()
    {
        // U+FF5E sorts after U+1F600 by code point but before it by UTF-16 code unit (0xFF5E > 0xD83D); both libraries use UTF-16 order.
        KeyValuePair<string, string>[] parameters = [new("\uFF5E", "fullwidth"), new("\U0001F600", "emoji"), new("a", "1"), new("B", "2"), new("_", "3")];
        var request = new SignatureRequest(Token, "https://example.com/api/voice/turn", parameters);

        var official = await TwilioReference.SignAsync([request]);

        var codePointOrder = string.Concat(parameters.OrderBy(p => char.ConvertToUtf32(p.Key, 0)).Select(p => p.Key + p.Value));
        var codePointSignature = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(Token), Encoding.UTF8.GetBytes(request.Url + codePointOrder)));
        Assert.Equal(official[0], TwilioSignature.Compute(Token, request.Url, parameters));
        Assert.NotEqual(official[0], codePointSignature);
    }
}
