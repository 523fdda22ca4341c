using System.Text.RegularExpressions;
using VoiceAgent.CallSimulator.Telephony;
using VoiceAgent.LocalStack;
using VoiceAgent.Smoke;

namespace VoiceAgent.LocalFunctionsHost.Tests.Routing;

/// <summary>
/// The webhook URLs Twilio is given outside TwiML: the Twilio console settings main.bicep prints and the README lists,
/// and the paths the call simulator posts to. Each must reach one function of the app with POST (Twilio's default).
/// </summary>
public sealed partial class TwilioWebhookUrlTests(MainBicepFixture bicep) : IClassFixture<MainBicepFixture>
{
    private static readonly Uri FunctionApp = new("https://func-voiceagent.azurewebsites.net");

    private static readonly HashSet<string> TwilioWebhooks = ["VoiceIncoming", "VoiceStatus", "VoiceFallback"];

    [Fact]
    public void MainBicep_TwilioOutputs_ReachOnePostFunctionEach()
    {
        var outputs = bicep.Template["outputs"]!.AsObject()
            .Where(o => o.Key.StartsWith("TWILIO_", StringComparison.Ordinal))
            .ToDictionary(o => o.Key, o => (string)o.Value!["value"]!);

        var reached = outputs.ToDictionary(o => o.Key, o => FunctionRouteTable.App.ResolveOne("POST", new Uri(FunctionApp, FunctionAppPath(o.Key, o.Value))).Function);

        Assert.Equal("VoiceIncoming", reached["TWILIO_VOICE_URL"]);
        Assert.Equal("VoiceStatus", reached["TWILIO_STATUS_CALLBACK_URL"]);
        Assert.Equal("VoiceFallback", reached["TWILIO_FALLBACK_URL"]);
    }

    [Fact]
    public void TwilioWebhooksCommand_Urls_AreMainBicepsOutputs_AndTheSmsWebhook()
    {
        var outputs = bicep.Template["outputs"]!.AsObject()
            .Where(o => o.Key.StartsWith("TWILIO_", StringComparison.Ordinal))
            .ToDictionary(o => o.Key, o => FunctionAppPath(o.Key, (string)o.Value!["value"]!));
        var webhooks = DeploymentWebhooks.For(FunctionApp.ToString());

        Assert.Equal(
            (outputs["TWILIO_VOICE_URL"], outputs["TWILIO_FALLBACK_URL"], outputs["TWILIO_STATUS_CALLBACK_URL"]),
            (new Uri(webhooks.VoiceUrl).AbsolutePath, new Uri(webhooks.FallbackUrl).AbsolutePath, new Uri(webhooks.StatusCallbackUrl).AbsolutePath));
        Assert.Equal("SmsIncoming", FunctionRouteTable.App.ResolveOne("POST", new Uri(webhooks.SmsUrl)).Function);
        Assert.Equal("Health", FunctionRouteTable.App.ResolveOne("GET", new Uri(webhooks.Base + DeploymentWebhooks.HealthPath)).Function);
    }

    [Fact]
    public void Readme_TwilioConsoleSettings_ReachOneFunctionEachWithTheirMethod()
    {
        var settings = ReadmeTwilioConsoleSettings();

        var reached = settings.Select(s => FunctionRouteTable.App.ResolveOne(s.Method, new Uri(FunctionApp, s.Path)).Function).ToHashSet();

        Assert.Superset(TwilioWebhooks, reached);
    }

    [Fact]
    public void CallSimulator_WebhookPaths_ReachThePostFunctions()
    {
        var simulator = new SimulatedCallOptions();

        Assert.Equal("VoiceIncoming", FunctionRouteTable.App.ResolveOne("POST", new Uri(FunctionApp, simulator.IncomingPath)).Function);
        Assert.Equal("VoiceStatus", FunctionRouteTable.App.ResolveOne("POST", new Uri(FunctionApp, simulator.StatusCallbackPath)).Function);
    }

    /// <summary>The path of an output <c>'https://${functionApp.outputs.defaultHostName}/path'</c>, as ARM JSON writes it.</summary>
    private static string FunctionAppPath(string output, string value)
    {
        var match = FunctionAppUrl().Match(value);
        Assert.True(match.Success, $"Output {output} is not a URL on the function app's host: {value}");
        return match.Groups["path"].Value;
    }

    /// <summary>The <c>/api/...</c> paths in README.md's "Twilio console" section, each with its row's <c>**HTTP METHOD**</c> (default POST).</summary>
    private static List<(string Path, string Method)> ReadmeTwilioConsoleSettings()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Find(), "README.md"));
        var start = Array.FindIndex(lines, l => l.Trim() == "### Twilio console");
        Assert.True(start >= 0, "README.md has no '### Twilio console' section.");
        var section = lines.Skip(start + 1).TakeWhile(l => !l.StartsWith('#'));
        return [.. section.SelectMany(line => ApiPath().Matches(line).Select(path => (path.Value, RowMethod().Match(line) is { Success: true } method ? method.Groups[1].Value : "POST")))];
    }

    [GeneratedRegex(@"^\[format\('https://\{0\}(?<path>/[^']*)', reference\(.*'Microsoft\.Resources/deployments', 'function-app'\), '[^']+'\)\.outputs\.defaultHostName\.value\)\]$")]
    private static partial Regex FunctionAppUrl();

    [GeneratedRegex(@"/api/[A-Za-z0-9_\-./{}]*[A-Za-z0-9_}]")]
    private static partial Regex ApiPath();

    [GeneratedRegex(@"\*\*HTTP (GET|POST|PUT|PATCH|DELETE)\*\*")]
    private static partial Regex RowMethod();
}
