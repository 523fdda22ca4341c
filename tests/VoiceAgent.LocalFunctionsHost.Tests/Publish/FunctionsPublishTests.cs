using System.Text.Json.Nodes;
using VoiceAgent.Functions.Voice;
using VoiceAgent.LocalFunctionsHost.Metadata;
using VoiceAgent.LocalStack;

namespace VoiceAgent.LocalFunctionsHost.Tests.Publish;

/// <summary>
/// The publish output is an isolated-worker package (architecture D1, protocols §6): worker.config.json for
/// dotnet-isolated, the SDK-generated functions.metadata as the one function table, extensions.json and the
/// WebJobs extensions in .azurefunctions/, a host.json without custom handler or extension bundle, and no
/// function.json anywhere. The one place that checks the publish layout.
/// </summary>
public sealed class FunctionsPublishTests(FunctionsPublishFixture publish) : IClassFixture<FunctionsPublishFixture>
{
    private const string Assembly = "VoiceAgent.Functions.dll";

    [Theory]
    [InlineData("VoiceIncoming", "voice/incoming", "POST")]
    [InlineData("VoiceTurn", "voice/turn", "POST")]
    [InlineData("VoiceContinue", "voice/continue", "POST")]
    [InlineData("VoiceStatus", "voice/status", "POST")]
    [InlineData("VoiceFallback", "voice/fallback", "POST")]
    [InlineData("StaffAppointments", "tenants/{tenantId}/appointments", "GET")]
    [InlineData("StaffCalls", "tenants/{tenantId}/calls", "GET")]
    [InlineData("StaffCall", "tenants/{tenantId}/calls/{callSid}", "GET")]
    [InlineData("StaffEraseCustomer", "tenants/{tenantId}/customers/erase", "POST")]
    [InlineData("StaffMe", "staff/me", "GET")]
    [InlineData("StaffLiveEvents", "tenants/{tenantId}/live-events", "GET")]
    [InlineData("StaffMessages", "tenants/{tenantId}/messages", "GET")]
    [InlineData("StaffMessageDone", "tenants/{tenantId}/messages/{callSid}/{index}", "POST")]
    [InlineData("Dashboard", "dashboard", "GET")]
    [InlineData("DashboardAsset", "dashboard/assets/{name}", "GET")]
    [InlineData("DashboardSignInPage", "dashboard/sign-in", "GET")]
    [InlineData("DashboardSignIn", "dashboard/sign-in", "POST")]
    [InlineData("DashboardSignOut", "dashboard/sign-out", "POST")]
    [InlineData("Health", "health", "GET")]
    public void Metadata_HttpFunction_HasItsRouteMethodAndAnonymousAuthLevel(string name, string route, string method)
    {
        var function = Assert.Single(PublishedMetadata(), f => f.Name == name);

        var trigger = function.Trigger;
        Assert.Equal("httpTrigger", trigger.Type);
        Assert.Equal(route, trigger.Text("route"));
        Assert.Equal([method], trigger.List("methods").Select(m => m.ToUpperInvariant()));
        // Twilio signs its webhooks and sends no function key; staff sign in through App Service authentication.
        Assert.Equal("Anonymous", trigger.Text("authLevel"), ignoreCase: true);
    }

    [Fact]
    public void Metadata_EveryEntryPoint_IsOneMethodOfTheFunctionsAssembly()
    {
        var metadata = Path.Combine(publish.Output, FunctionsMetadataFile.FileName);

        var catalog = LocalFunctionCatalog.Load(metadata, typeof(VoiceWebhooks).Assembly);

        Assert.NotEmpty(catalog.Functions);
        Assert.All(catalog.Functions, f => Assert.Equal(Assembly, Path.GetFileName(f.Definition.ScriptFile)));
    }

    [Fact]
    public void Output_WorkerConfig_StartsTheAssemblyAsDotnetIsolated()
    {
        var worker = ReadJson(Path.Combine(publish.Output, "worker.config.json"))["description"]!;

        Assert.Equal("dotnet-isolated", (string?)worker["language"]);
        Assert.Equal(Assembly, (string?)worker["defaultWorkerPath"]);
        Assert.True(File.Exists(Path.Combine(publish.Output, Assembly)), $"{Assembly} is not in the publish output.");
    }

    [Fact]
    public void Output_Extensions_AreListedInExtensionsJsonAndShippedInAzureFunctionsFolder()
    {
        var output = publish.Output;

        var extensions = ReadJson(Path.Combine(output, "extensions.json"))["extensions"]!.AsArray();

        Assert.NotEmpty(extensions);
        Assert.All(extensions, e => Assert.True(File.Exists(Path.Combine(output, (string)e!["hintPath"]!)), $"extensions.json names {e!["hintPath"]}, which is not in the output."));
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(output, ".azurefunctions"), "*.dll", SearchOption.AllDirectories));
    }

    [Fact]
    public void Output_FunctionJson_IsNowhere() =>
        Assert.Empty(Directory.GetFiles(publish.Output, "function.json", SearchOption.AllDirectories));

    [Theory]
    [InlineData("publish output")]
    [InlineData("repository")]
    public void HostJson_NoCustomHandlerNorExtensionBundle_RoutesUnderApi(string where)
    {
        var folder = where == "repository" ? RepositoryRoot.Find() : publish.Output;

        var hostJson = ReadJson(Path.Combine(folder, "host.json"));

        Assert.Equal("2.0", (string?)hostJson["version"]);
        Assert.False(hostJson.ContainsKey("customHandler"), "host.json still configures a custom handler.");
        Assert.False(hostJson.ContainsKey("extensionBundle"), "host.json has an extension bundle; a .NET isolated app brings its extensions in .azurefunctions/.");
        Assert.Equal("api", (string?)hostJson["extensions"]?["http"]?["routePrefix"]);
    }

    [Fact]
    public async Task Repository_Files_HaveNoFunctionJson()
    {
        var root = RepositoryRoot.Find();

        // Tracked and untracked files alike (ignored ones, bin/ and obj/, aside).
        var files = await ProcessRunner.RunAsync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], root, TimeSpan.FromMinutes(1));

        Assert.True(files.ExitCode == 0, files.Output);
        var listed = files.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("functions/Program.cs", listed);
        Assert.DoesNotContain(listed, f => Path.GetFileName(f) == "function.json");
    }

    private IReadOnlyList<FunctionDefinition> PublishedMetadata() =>
        FunctionsMetadataFile.Load(Path.Combine(publish.Output, FunctionsMetadataFile.FileName));

    private static JsonObject ReadJson(string path)
    {
        Assert.True(File.Exists(path), $"{Path.GetFileName(path)} is missing.");
        return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
    }
}
