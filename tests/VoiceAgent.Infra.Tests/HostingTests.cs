namespace VoiceAgent.Infra.Tests;

/// <summary>The hosting choices the issue asks for, read from the compiled template.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class HostingTests(CompiledTemplateFixture template)
{
    [Fact]
    public void FunctionApp_IsFlexConsumption_DotnetIsolated_WithAlwaysReadyHttp()
    {
        var module = template.Module("function-app");
        var plan = ArmTemplate.OfType(module, "Microsoft.Web/serverfarms").Single();
        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        var site = ArmTemplate.OfType(module, "Microsoft.Web/sites").Single();
        var config = site["properties"]!["functionAppConfig"]!;

        Assert.Equal("dotnet-isolated", (string?)config["runtime"]!["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]!["version"]);
        var alwaysReady = config["scaleAndConcurrency"]!["alwaysReady"]!.AsArray().Single()!;
        Assert.Equal("http", (string?)alwaysReady["name"]);
        Assert.Equal("UserAssignedIdentity", (string?)config["deployment"]!["storage"]!["authentication"]!["type"]);
        var minimum = module["parameters"]!["alwaysReadyHttpInstances"]!["minValue"]!.GetValue<int>();
        Assert.True(minimum >= 1);
    }

    [Fact]
    public void WebPubSubHost_IsAlwaysOnLinux_WithWebSockets()
    {
        var site = ArmTemplate.OfType(template.Module("webpubsub-host"), "Microsoft.Web/sites").Single();
        var siteConfig = site["properties"]!["siteConfig"]!;

        Assert.True(siteConfig["alwaysOn"]!.GetValue<bool>());
        Assert.True(siteConfig["webSocketsEnabled"]!.GetValue<bool>());
        Assert.StartsWith("DOTNETCORE|", (string?)siteConfig["linuxFxVersion"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TWILIO_VOICE_URL", "/api/voice/incoming")]
    [InlineData("TWILIO_STATUS_CALLBACK_URL", "/api/voice/status")]
    [InlineData("TWILIO_FALLBACK_URL", "/api/voice/fallback")]
    [InlineData("DASHBOARD_URL", "/api/dashboard")]
    public void Outputs_AreTheTwilioWebhookUrls(string output, string path)
    {
        var value = (string?)template.Template["outputs"]![output]!["value"];

        // https://<the function app's host name><path>; tests/VoiceAgent.LocalFunctionsHost.Tests (Routing/TwilioWebhookUrlTests) checks the published functions.metadata serves the route.
        Assert.StartsWith("[format('https://{0}" + path + "'", value, StringComparison.Ordinal);
        Assert.Contains("'Microsoft.Resources/deployments', 'function-app')", value, StringComparison.Ordinal);
        Assert.EndsWith(".outputs.defaultHostName.value)]", value, StringComparison.Ordinal);
    }

    [Fact]
    public void Outputs_IncludeTheHostUrl()
    {
        Assert.Contains("https://", (string?)template.Template["outputs"]!["WEBPUBSUB_HOST_URL"]!["value"], StringComparison.Ordinal);
    }
}
