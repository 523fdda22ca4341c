using System.Text;
using VoiceAgent.Core.Telephony;
using VoiceAgent.TwilioSigning;

namespace VoiceAgent.Conformance.Tests.Telephony;

/// <summary>
/// The caller-side signer of the simulator and load driver (tools/TwilioSigning) against the official vectors, and
/// round-tripped through <see cref="TwilioWebhookVerifier"/>: requests it signs are accepted by Twilio's SDK as the app runs it.
/// </summary>
public sealed class TwilioSignatureTests
{
    private const int Count = 400;

    private static readonly string[] PublicBaseUrls =
    [
        "https://voiceagent-func.azurewebsites.net", "https://VoiceAgent-Func.azurewebsites.net", "http://localhost:7071",
        "https://example.com:8443", "http://127.0.0.1:7071",
    ];

    private static readonly string[] Targets =
    [
        "/api/voice/incoming", "/api/voice/turn", "/api/voice/status", "/api/voice/fallback", "/api/voice/incoming?tenant=demo",
        "/api/voice/continue?turn=Zm9vYmFy-_1&hop=1", "/api/voice/continue?turn=a%2Bb%2Fc&hop=2", "/api/voice/turn?q=a+b&empty=",
    ];

    private static readonly string[] Names =
    [
        "CallSid", "AccountSid", "From", "To", "CallStatus", "Direction", "ApiVersion", "Digits", "SpeechResult", "Confidence",
        "Caller", "CallerName", "FromCity", "ForwardedFrom", "StirVerstat", "a b", "x=y", "A&B", "a+b", "名前", "Ümläut", "\U0001F600",
        "_", "~", "%41",
    ];

    private static readonly string[] Fragments =
    [
        "", "CA1234567890ABCDE", "+14158675309", "1234", "hello world", "It's amazing", "a&b=c", "100%", "+", " ", "  two  ", "\t",
        "\r\n", "<Say>", "\"quoted\"", "café", "naïve", "日本語", "\U0001F600", "\U0001F4DE\U0001F697", "\uFF5E", "\u00a0", "Ωμέγα",
        "\u200d", "0.91", "%20", "a+b", "&&", "==",
    ];

    private static readonly IReadOnlyList<GeneratedWebhook> Webhooks = Generate(Count, seed: 20261201);

    public static TheoryData<string, string> RequestUrlVectors => OfficialVectors.ComputedOverRequestUrl;

    [Theory]
    [MemberData(nameof(RequestUrlVectors))]
    public void Compute_OfficialVectorOverRequestUrl_EqualsHeader(string url, string signature) =>
        Assert.Equal(signature, TwilioSignature.Compute(OfficialVectors.Token, url, OfficialVectors.CommonParameters));

    [Fact]
    public void Compute_RepeatedFieldsOfVector8_DeduplicatesAndSortsValuesAsNodeDoes() =>
        Assert.Equal(
            OfficialVectors.RepeatedParametersSignature,
            TwilioSignature.Compute(OfficialVectors.Token, OfficialVectors.Url, OfficialVectors.RepeatedParameters));

    [Theory]
    [InlineData(OfficialVectors.MediaStreamUrl, OfficialVectors.MediaStreamSignature)]
    [InlineData("wss://example.com:443/media-stream", OfficialVectors.MediaStreamWithPortSignature)]
    public void Compute_MediaStreamHandshake_EqualsSelfComputedVector(string url, string signature) =>
        Assert.Equal(signature, TwilioSignature.Compute(OfficialVectors.Token, url, []));

    [Fact]
    public void BodyHash_OfficialJsonBody_EqualsVector() =>
        Assert.Equal(OfficialVectors.JsonBodyHash, TwilioSignature.BodyHash(Encoding.UTF8.GetBytes(OfficialVectors.JsonBody)));

    [Fact]
    public void Generate_Webhooks_CoverTheHardCharacters()
    {
        var values = Webhooks.SelectMany(w => w.Form).SelectMany(field => new[] { field.Key, field.Value }).ToList();

        Assert.Contains(values, text => text.Any(char.IsSurrogate));
        Assert.Contains(values, text => text.Any(c => c > '\u007f' && !char.IsSurrogate(c)));
        Assert.Contains(values, text => text.Contains('+', StringComparison.Ordinal));
        Assert.Contains(values, text => text.Contains('&', StringComparison.Ordinal));
        Assert.Contains(values, text => text.Contains(' ', StringComparison.Ordinal));
        Assert.Contains(values, text => text.Contains('=', StringComparison.Ordinal));
        Assert.Contains(Webhooks, w => w.Form.Count == 0);
        Assert.Contains(Webhooks, w => w.Target.Contains('?', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Compute_GeneratedWebhooks_ValidateThroughVerifier()
    {
        var rejected = new List<string>();
        foreach (var webhook in Webhooks)
        {
            var signature = TwilioSignature.Compute(OfficialVectors.Token, webhook.Url, webhook.Form);

            var result = await ReadAsync(webhook, signature);

            if (!result.IsVerified)
            {
                rejected.Add(webhook.ToString());
            }
        }

        Assert.Empty(rejected);
    }

    [Fact]
    public async Task Compute_GeneratedWebhooksWithOneFieldChanged_AreRejected()
    {
        var accepted = new List<string>();
        foreach (var webhook in Webhooks.Where(w => w.Form.Count > 0))
        {
            var signature = TwilioSignature.Compute(OfficialVectors.Token, webhook.Url, webhook.Form);
            var changed = webhook with { Form = [.. webhook.Form.Skip(1), new(webhook.Form[0].Key, webhook.Form[0].Value + "x")] };

            var result = await ReadAsync(changed, signature);

            if (result.IsVerified)
            {
                accepted.Add(changed.ToString());
            }
        }

        Assert.Empty(accepted);
    }

    private static Task<TwilioWebhookRequest> ReadAsync(GeneratedWebhook webhook, string signature) =>
        WebhookRequests.Verifier(webhook.PublicBaseUrl).ReadAsync(WebhookRequests.FormPost(webhook.Url, webhook.Form, signature), CancellationToken.None);

    /// <summary>
    /// Seeded field sets as Twilio could post them: each name once (ASP.NET's form is case-insensitive, and Twilio never
    /// repeats a field), values mixing unicode (astral characters too, never lone surrogates), '+', '&amp;', '=', spaces.
    /// </summary>
    private static List<GeneratedWebhook> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var webhooks = new List<GeneratedWebhook>(count);
        for (var i = 0; i < count; i++)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var form = new List<KeyValuePair<string, string>>();
            var fieldCount = random.Next(0, 14);
            while (form.Count < fieldCount)
            {
                var name = random.Next(6) == 0 ? RandomText(random, 1, 8) : Pick(random, Names);
                if (names.Add(name))
                {
                    form.Add(new(name, RandomValue(random)));
                }
            }

            webhooks.Add(new GeneratedWebhook(Pick(random, PublicBaseUrls), Pick(random, Targets), form));
        }

        return webhooks;
    }

    private static string RandomValue(Random random) => random.Next(4) switch
    {
        0 => Pick(random, Fragments),
        1 => RandomText(random, 0, 24),
        _ => string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => Pick(random, Fragments))),
    };

    /// <summary>ASCII, Latin, CJK and astral characters (emoji), always well-formed UTF-16.</summary>
    private static string RandomText(Random random, int minLength, int maxLength)
    {
        var text = new StringBuilder();
        var length = random.Next(minLength, maxLength + 1);
        for (var i = 0; i < length; i++)
        {
            var codePoint = random.Next(5) switch
            {
                0 or 1 => random.Next(0x20, 0x7F),
                2 => random.Next(0xA0, 0x250),
                3 => random.Next(0x3040, 0xD800),
                _ => random.Next(0x1F300, 0x1FAFF),
            };
            text.Append(char.ConvertFromUtf32(codePoint));
        }

        return text.ToString();
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private sealed record GeneratedWebhook(string PublicBaseUrl, string Target, IReadOnlyList<KeyValuePair<string, string>> Form)
    {
        public string Url => PublicBaseUrl + Target;

        public override string ToString() => $"{Url} [{string.Join(", ", Form.Select(f => $"{f.Key}={f.Value}"))}]";
    }
}
