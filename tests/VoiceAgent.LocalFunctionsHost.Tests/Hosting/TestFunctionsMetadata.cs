namespace VoiceAgent.LocalFunctionsHost.Tests.Hosting;

/// <summary>
/// A functions.metadata for <see cref="HttpFunctions"/> and <see cref="TimerFunctions"/>, written by hand in the shape
/// the Worker SDK generates (functions/bin/.../functions.metadata): this test assembly is the functions assembly.
/// </summary>
public static class TestFunctionsMetadata
{
    public const string Http = """
        [
          {
            "name": "Item",
            "scriptFile": "VoiceAgent.LocalFunctionsHost.Tests.dll",
            "entryPoint": "VoiceAgent.LocalFunctionsHost.Tests.Hosting.HttpFunctions.Item",
            "language": "dotnet-isolated",
            "properties": { "IsCodeless": false },
            "bindings": [
              { "name": "request", "direction": "In", "type": "httpTrigger", "authLevel": "Anonymous", "methods": [ "get" ], "route": "items/{id}", "properties": {} },
              { "name": "$return", "type": "http", "direction": "Out" }
            ]
          },
          {
            "name": "Content",
            "scriptFile": "VoiceAgent.LocalFunctionsHost.Tests.dll",
            "entryPoint": "VoiceAgent.LocalFunctionsHost.Tests.Hosting.HttpFunctions.Content",
            "language": "dotnet-isolated",
            "properties": { "IsCodeless": false },
            "bindings": [
              { "name": "request", "direction": "In", "type": "httpTrigger", "authLevel": "Anonymous", "methods": [ "post" ], "route": "content", "properties": {} },
              { "name": "$return", "type": "http", "direction": "Out" }
            ]
          },
          {
            "name": "Object",
            "scriptFile": "VoiceAgent.LocalFunctionsHost.Tests.dll",
            "entryPoint": "VoiceAgent.LocalFunctionsHost.Tests.Hosting.HttpFunctions.ObjectAsync",
            "language": "dotnet-isolated",
            "properties": { "IsCodeless": false },
            "bindings": [
              { "name": "request", "direction": "In", "type": "httpTrigger", "authLevel": "Anonymous", "methods": [ "get" ], "route": "object", "properties": {} },
              { "name": "$return", "type": "http", "direction": "Out" }
            ]
          },
          {
            "name": "Throws",
            "scriptFile": "VoiceAgent.LocalFunctionsHost.Tests.dll",
            "entryPoint": "VoiceAgent.LocalFunctionsHost.Tests.Hosting.HttpFunctions.ThrowsAsync",
            "language": "dotnet-isolated",
            "properties": { "IsCodeless": false },
            "bindings": [
              { "name": "request", "direction": "In", "type": "httpTrigger", "authLevel": "Anonymous", "methods": [ "get" ], "route": "throws", "properties": {} },
              { "name": "$return", "type": "http", "direction": "Out" }
            ]
          }
        ]
        """;

    public const string Timers = """
        [
          {
            "name": "EveryFiveMinutes",
            "scriptFile": "VoiceAgent.LocalFunctionsHost.Tests.dll",
            "entryPoint": "VoiceAgent.LocalFunctionsHost.Tests.Hosting.TimerFunctions.EveryFiveMinutesAsync",
            "language": "dotnet-isolated",
            "properties": { "IsCodeless": false },
            "bindings": [
              { "name": "timer", "direction": "In", "type": "timerTrigger", "schedule": "0 */5 * * * *", "properties": {} }
            ]
          },
          {
            "name": "OnStartup",
            "scriptFile": "VoiceAgent.LocalFunctionsHost.Tests.dll",
            "entryPoint": "VoiceAgent.LocalFunctionsHost.Tests.Hosting.TimerFunctions.RunOnStartup",
            "language": "dotnet-isolated",
            "properties": { "IsCodeless": false },
            "bindings": [
              { "name": "timer", "direction": "In", "type": "timerTrigger", "schedule": "0 0 0 1 1 *", "runOnStartup": true, "properties": {} }
            ]
          },
          {
            "name": "Yearly",
            "scriptFile": "VoiceAgent.LocalFunctionsHost.Tests.dll",
            "entryPoint": "VoiceAgent.LocalFunctionsHost.Tests.Hosting.TimerFunctions.RunYearly",
            "language": "dotnet-isolated",
            "properties": { "IsCodeless": false },
            "bindings": [
              { "name": "timer", "direction": "In", "type": "timerTrigger", "schedule": "0 0 0 1 1 *", "properties": {} }
            ]
          }
        ]
        """;

    public const string SlowTimer = """
        [
          {
            "name": "SlowEveryTenMinutes",
            "scriptFile": "VoiceAgent.LocalFunctionsHost.Tests.dll",
            "entryPoint": "VoiceAgent.LocalFunctionsHost.Tests.Hosting.TimerFunctions.SlowEveryTenMinutesAsync",
            "language": "dotnet-isolated",
            "properties": { "IsCodeless": false },
            "bindings": [
              { "name": "timer", "direction": "In", "type": "timerTrigger", "schedule": "0 */10 * * * *", "properties": {} }
            ]
          }
        ]
        """;

    /// <summary>The HTTP and the timer functions in one file.</summary>
    public static string All => Combine(Http, Timers);

    /// <summary>One metadata array of the functions of several.</summary>
    public static string Combine(params string[] files) =>
        new System.Text.Json.Nodes.JsonArray([.. files.SelectMany(f => System.Text.Json.Nodes.JsonNode.Parse(f)!.AsArray().Select(n => n!.DeepClone()))]).ToJsonString();
}
