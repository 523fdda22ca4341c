using System.Text;

namespace VoiceAgent.Conformance.Tests.Telephony;

/// <summary>
/// Seeded generator of webhook requests that stress the signature's edge cases: unicode (including astral characters,
/// whose UTF-16 order differs from code-point order), repeated names with repeated values, empty values,
/// query strings with escapes, IPv6 hosts, userinfo, explicit and default ports, scheme casing.
/// </summary>
internal static class WebhookGenerator
{
    private static readonly string[] Schemes = ["https", "https", "http", "HTTPS", "Http"];
    private static readonly string[] Hosts = ["example.com", "MyCompany.com", "voice.agent-demo.example", "127.0.0.1", "localhost", "[::1]", "[2001:db8::7]"];
    private static readonly int?[] Ports = [null, null, null, 443, 80, 7071, 8443];
    private static readonly string[] UserInfos = ["", "", "", "", "user@", "user:p%40ss@"];
    private static readonly string[] Paths = ["/", "/api/voice/incoming", "/api/voice/turn", "/myapp.php", "/a%20b/c%2Fd", "/t\u00e9l\u00e9phone", ""];

    private static readonly string[] Queries =
    [
        "", "", "?foo=1&bar=2", "?tenant=demo&turn=3", "?x=%27&y=it's", "?q=a+b&empty=", "?name=J%C3%BCrgen&name=Ann",
        "?a=1&a=1", "?callback=https%3A%2F%2Fexample.com%2Fcb%3Fz%3D1", "?",
    ];

    private static readonly string[] Names =
    [
        "CallSid", "AccountSid", "From", "To", "CallStatus", "Digits", "SpeechResult", "Confidence", "Caller",
        "a", "A", "B", "_", "~", "a b", "x=y", "A&B", "名前", "\u00dcml\u00e4ut", "\uFF5E", "\U0001F600", "\U0001F600x", "digits",
    ];

    private static readonly string[] Fragments =
    [
        "", "CA1234567890ABCDE", "+14158675309", "1234", "hello world", "It's amazing", "a&b=c", "100%", "+", " ", "\t", "\n",
        "<Say>", "\"quoted\"", "caf\u00e9", "na\u00efve", "\u65e5\u672c\u8a9e", "\U0001F600", "\U0001F4DE\U0001F697", "\uFF5E",
        "\u0000", "\u00a0", "ÿ", "Ωμέγα", "\u200d", "0.91",
    ];

    public static IReadOnlyList<GeneratedWebhook> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var webhooks = new List<GeneratedWebhook>(count);
        for (var i = 0; i < count; i++)
        {
            var parameters = new List<KeyValuePair<string, string>>();
            var parameterCount = random.Next(0, 12);
            for (var p = 0; p < parameterCount; p++)
            {
                var name = random.Next(6) == 0 ? RandomText(random, 1, 8) : Pick(random, Names);
                parameters.Add(new(name, RandomValue(random)));
            }

            if (parameters.Count > 0 && random.Next(3) == 0)
            {
                // A repeated name, sometimes with a repeated value.
                var repeated = parameters[random.Next(parameters.Count)];
                parameters.Add(new(repeated.Key, random.Next(2) == 0 ? repeated.Value : RandomValue(random)));
            }

            webhooks.Add(new GeneratedWebhook(
                Pick(random, Schemes),
                Pick(random, UserInfos),
                Pick(random, Hosts),
                Pick(random, Ports),
                Pick(random, Paths) + Pick(random, Queries),
                parameters));
        }

        return webhooks;
    }

    private static string RandomValue(Random random) => random.Next(4) switch
    {
        0 => Pick(random, Fragments),
        1 => RandomText(random, 0, 20),
        _ => string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(random, Fragments))),
    };

    /// <summary>Random well-formed text: ASCII, Latin-1, BMP scripts and astral characters (never lone surrogates).</summary>
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
}
