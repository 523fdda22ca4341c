namespace VoiceAgent.LocalFunctionsHost.Tests.Durable;

/// <summary>
/// functions.metadata for <see cref="WorkflowFunctions"/>, written by hand in the shape the Worker SDK generates for
/// Durable functions (checked against a generated one): an orchestrator's input parameter is not a binding, a named
/// orchestration carries <c>orchestration</c>, <c>[DurableClient]</c> is a <c>durableClient</c> input.
/// <see cref="WorkflowFunctions.Unlisted"/> is left out on purpose.
/// </summary>
public static class DurableTestMetadata
{
    private const string Entry = "VoiceAgent.LocalFunctionsHost.Tests.Durable.WorkflowFunctions";

    public const string Workflows = $$"""
        [
          {
            "name": "Greet",
            "scriptFile": "VoiceAgent.LocalFunctionsHost.Tests.dll",
            "entryPoint": "{{Entry}}.Greet",
            "language": "dotnet-isolated",
            "properties": { "IsCodeless": false },
            "bindings": [ { "name": "context", "direction": "In", "type": "orchestrationTrigger", "properties": {} } ]
          },
          {
            "name": "SayHello",
            "scriptFile": "VoiceAgent.LocalFunctionsHost.Tests.dll",
            "entryPoint": "{{Entry}}.SayHello",
            "language": "dotnet-isolated",
            "properties": { "IsCodeless": false },
            "bindings": [ { "name": "visitor", "direction": "In", "type": "activityTrigger", "properties": {} } ]
          },
          {
            "name": "AwaitApproval",
            "scriptFile": "VoiceAgent.LocalFunctionsHost.Tests.dll",
            "entryPoint": "{{Entry}}.AwaitApproval",
            "language": "dotnet-isolated",
            "properties": { "IsCodeless": false },
            "bindings": [ { "name": "context", "direction": "In", "type": "orchestrationTrigger", "orchestration": "Approval", "properties": {} } ]
          },
          {
            "name": "AwaitEvent",
            "scriptFile": "VoiceAgent.LocalFunctionsHost.Tests.dll",
            "entryPoint": "{{Entry}}.AwaitEvent",
            "language": "dotnet-isolated",
            "properties": { "IsCodeless": false },
            "bindings": [ { "name": "context", "direction": "In", "type": "orchestrationTrigger", "properties": {} } ]
          },
          {
            "name": "StartGreeting",
            "scriptFile": "VoiceAgent.LocalFunctionsHost.Tests.dll",
            "entryPoint": "{{Entry}}.StartGreeting",
            "language": "dotnet-isolated",
            "properties": { "IsCodeless": false },
            "bindings": [
              { "name": "request", "direction": "In", "type": "httpTrigger", "authLevel": "Anonymous", "methods": [ "post" ], "route": "greetings/{name}", "properties": {} },
              { "name": "durable", "direction": "In", "type": "durableClient", "properties": {} },
              { "name": "$return", "type": "http", "direction": "Out" }
            ]
          }
        ]
        """;

    public const string ScheduledGreeting = $$"""
        [
          {
            "name": "GreetOnSchedule",
            "scriptFile": "VoiceAgent.LocalFunctionsHost.Tests.dll",
            "entryPoint": "{{Entry}}.GreetOnSchedule",
            "language": "dotnet-isolated",
            "properties": { "IsCodeless": false },
            "bindings": [
              { "name": "timer", "direction": "In", "type": "timerTrigger", "schedule": "0 */5 * * * *", "properties": {} },
              { "name": "durable", "direction": "In", "type": "durableClient", "properties": {} }
            ]
          }
        ]
        """;

    /// <summary>One metadata array of the functions of several.</summary>
    public static string Combine(params string[] files) => Hosting.TestFunctionsMetadata.Combine(files);

    /// <summary>A host.json naming the task hub, as the app's does.</summary>
    public static string HostJson(string hubName, string moreDurableSettings = "") =>
        $$"""{ "version": "2.0", "extensions": { "http": { "routePrefix": "api" }, "durableTask": { {{moreDurableSettings}} "hubName": "{{hubName}}", "storageProvider": { "maxQueuePollingInterval": "00:00:01" } } } }""";

    /// <summary>A task hub nobody else uses in a shared Azurite.</summary>
    public static string NewHubName() => "Hub" + Guid.NewGuid().ToString("N")[..12];
}
