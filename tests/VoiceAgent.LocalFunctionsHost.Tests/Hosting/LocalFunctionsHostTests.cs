using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.LocalFunctionsHost.Invocation;
using VoiceAgent.LocalFunctionsHost.Metadata;
using static VoiceAgent.LocalFunctionsHost.Tests.Hosting.TimerFunctions;

namespace VoiceAgent.LocalFunctionsHost.Tests.Hosting;

/// <summary>The host's admin calls (run a timer now, move a fake clock) and what it refuses to start with.</summary>
public sealed class LocalFunctionsHostTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private const string GreetingFunction = """
        [
          {
            "name": "Greeting",
            "scriptFile": "VoiceAgent.LocalFunctionsHost.Tests.dll",
            "entryPoint": "VoiceAgent.LocalFunctionsHost.Tests.Hosting.HttpFunctions.Greeting",
            "language": "dotnet-isolated",
            "properties": { "IsCodeless": false },
            "bindings": [
              { "name": "request", "direction": "In", "type": "httpTrigger", "authLevel": "Anonymous", "methods": [ "get" ], "route": "greeting", "properties": {} },
              { "name": "greeting", "direction": "In", "type": "testGreeting", "properties": {} },
              { "name": "$return", "type": "http", "direction": "Out" }
            ]
          }
        ]
        """;

    [Fact]
    public async Task RunFunctionNow_TimerFunction_Is202AfterItRan()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await TestFunctionsHost.StartAsync(TestFunctionsMetadata.All, clock);

        using var response = await host.Client.PostAsync($"/admin/functions/{EveryFiveMinutes}", content: null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var run = Assert.Single(host.Timers.RunsOf(EveryFiveMinutes));
        Assert.Equal(Start, run.At); // now, outside its schedule: the clock did not move
        Assert.Equal((Start + TimeSpan.FromMinutes(5)).UtcDateTime, run.Timer.ScheduleStatus!.Next);
    }

    [Fact]
    public async Task RunFunctionNow_UnknownName_Is404()
    {
        await using var host = await TestFunctionsHost.StartAsync(TestFunctionsMetadata.All, new FakeTimeProvider(Start));

        using var response = await host.Client.PostAsync("/admin/functions/NoSuchFunction", content: null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task RunFunctionNow_HttpFunction_Is400()
    {
        await using var host = await TestFunctionsHost.StartAsync(TestFunctionsMetadata.All, new FakeTimeProvider(Start));

        using var response = await host.Client.PostAsync("/admin/functions/Item", content: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AdvanceClock_FakeClock_MovesItAndFiresEachDueTimerAtItsTime()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await TestFunctionsHost.StartAsync(TestFunctionsMetadata.Timers, clock);

        using var response = await host.Client.PostAsync("/admin/host/clock?by=00:10:00", content: null);

        // The clock stepped to each occurrence: 09:05 fired at 09:05, not late at 09:10.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var moved = await response.Content.ReadFromJsonAsync<ClockView>();
        Assert.Equal(Start + TimeSpan.FromMinutes(10), moved?.Now);
        Assert.Equal(Start + TimeSpan.FromMinutes(10), clock.GetUtcNow());
        Assert.Equal([Start + TimeSpan.FromMinutes(5), Start + TimeSpan.FromMinutes(10)], host.Timers.RunsOf(EveryFiveMinutes).Select(r => r.At));
    }

    [Fact]
    public async Task AdvanceClock_RealClock_Is409()
    {
        await using var host = await TestFunctionsHost.StartAsync(TestFunctionsMetadata.Timers);

        using var response = await host.Client.PostAsync("/admin/host/clock?by=00:10:00", content: null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Theory]
    [InlineData("-00:10:00")]
    [InlineData("00:00:00")]
    [InlineData("soon")]
    public async Task AdvanceClock_NotAPositiveTimeSpan_Is400AndTheClockStays(string by)
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await TestFunctionsHost.StartAsync(TestFunctionsMetadata.Timers, clock);

        using var response = await host.Client.PostAsync($"/admin/host/clock?by={Uri.EscapeDataString(by)}", content: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Start, clock.GetUtcNow());
    }

    [Fact]
    public void Create_InputBindingTheHostCannotSupply_ThrowsNotSupported()
    {
        var folder = Directory.CreateTempSubdirectory("voiceagent-localhost-tests-");
        try
        {
            var error = Assert.Throws<NotSupportedException>(() => TestFunctionsHost.Create(folder.FullName, GreetingFunction));

            Assert.Contains("Greeting", error.Message, StringComparison.Ordinal);
            Assert.Contains("'testGreeting'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Create_InputBindingWithAProvider_BindsItsValue()
    {
        await using var host = await TestFunctionsHost.StartAsync(GreetingFunction, services: s => s.AddSingleton<IInputBindingProvider, GreetingBinding>());

        var greeting = await host.Client.GetStringAsync("/api/greeting");

        Assert.Equal("hello, greeting", greeting);
    }

    [Fact]
    public void Create_EntryPointNotInTheAssembly_FailsNamingIt()
    {
        const string metadata = """
            [
              {
                "name": "Missing",
                "scriptFile": "VoiceAgent.LocalFunctionsHost.Tests.dll",
                "entryPoint": "VoiceAgent.LocalFunctionsHost.Tests.Hosting.HttpFunctions.NoSuchMethod",
                "language": "dotnet-isolated",
                "bindings": [
                  { "name": "request", "direction": "In", "type": "httpTrigger", "authLevel": "Anonymous", "methods": [ "get" ], "route": "missing" }
                ]
              }
            ]
            """;
        var folder = Directory.CreateTempSubdirectory("voiceagent-localhost-tests-");
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => TestFunctionsHost.Create(folder.FullName, metadata));

            Assert.Equal(
                "Function Missing: entry point VoiceAgent.LocalFunctionsHost.Tests.Hosting.HttpFunctions.NoSuchMethod is not one public method in VoiceAgent.LocalFunctionsHost.Tests.",
                error.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private sealed record ClockView(DateTimeOffset Now);

    private sealed class GreetingBinding : IInputBindingProvider
    {
        public string BindingType => "testGreeting";

        public object? Bind(BindingDefinition binding, Type parameterType, IServiceProvider services) => $"hello, {binding.Name}";
    }
}
