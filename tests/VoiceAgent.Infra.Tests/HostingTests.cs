using System.Text.Json.Nodes;

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
    public void Outputs_AreTheTwilioWebhookUrls(string output, string path)
    {
        var value = (string?)template.Template["outputs"]![output]!["value"];

        Assert.Contains("https://", value, StringComparison.Ordinal);
        Assert.Contains($"{path}'", value, StringComparison.Ordinal);
        var route = path["/api/".Length..];
        Assert.Contains(
            Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "functions"), "function.json", SearchOption.AllDirectories),
            file => (string?)JsonNode.Parse(File.ReadAllText(file))!["bindings"]![0]!["route"] == route);
    }

    [Fact]
    public void Outputs_IncludeTheHostUrl()
    {
        Assert.Contains("https://", (string?)template.Template["outputs"]!["WEBPUBSUB_HOST_URL"]!["value"], StringComparison.Ordinal);
    }
}
