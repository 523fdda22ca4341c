using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;

namespace VoiceAgent.LocalFunctionsHost.Tests.Hosting;

/// <summary>HTTP triggers are served on /{routePrefix}/{route} with their methods, and their results executed as the host does.</summary>
public sealed class HttpTriggerEndpointsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task HttpTrigger_RouteValue_BindsToTheTypedParameter()
    {
        await using var host = await TestFunctionsHost.StartAsync(TestFunctionsMetadata.Http, new FakeTimeProvider(Now));

        var item = await host.Client.GetFromJsonAsync<ItemView>("/api/items/42?q=brakes");

        // The id is the route value as an int, the instance came from DI with the app's clock.
        Assert.Equal(new ItemView(42, "brakes", Now), item);
    }

    [Fact]
    public async Task HttpTrigger_MethodNotDeclared_Is405()
    {
        await using var host = await TestFunctionsHost.StartAsync(TestFunctionsMetadata.Http);

        using var response = await host.Client.PostAsync("/api/items/42", content: null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task HttpTrigger_ContentResult_IsWrittenAsIs()
    {
        await using var host = await TestFunctionsHost.StartAsync(TestFunctionsMetadata.Http);

        using var response = await host.Client.PostAsync("/api/content", content: null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("<Response><Hangup/></Response>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HttpTrigger_ObjectResult_IsWrittenAsJson()
    {
        await using var host = await TestFunctionsHost.StartAsync(TestFunctionsMetadata.Http);

        using var response = await host.Client.GetAsync("/api/object");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new ItemView(7, "object", DateTimeOffset.UnixEpoch), await response.Content.ReadFromJsonAsync<ItemView>());
    }

    [Fact]
    public async Task HttpTrigger_FunctionThrows_IsABare500()
    {
        await using var host = await TestFunctionsHost.StartAsync(TestFunctionsMetadata.Http);

        using var response = await host.Client.GetAsync("/api/throws");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task HttpTrigger_RoutePrefixInHostJson_PrefixesEveryRoute()
    {
        await using var host = await TestFunctionsHost.StartAsync(
            TestFunctionsMetadata.Http,
            hostJson: """{ "version": "2.0", "extensions": { "http": { "routePrefix": "hooks" } } }""");

        using var prefixed = await host.Client.GetAsync("/hooks/items/1");
        using var api = await host.Client.GetAsync("/api/items/1");

        Assert.Equal(HttpStatusCode.OK, prefixed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
    }
}
