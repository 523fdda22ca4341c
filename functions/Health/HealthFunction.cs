using Microsoft.Azure.Functions.Worker;

namespace VoiceAgent.Functions.Health;

/// <summary>A liveness probe for deployments and local runs.</summary>
public sealed class HealthFunction
{
    [Function("Health")]
    public static IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        TypedResults.Ok(new { status = "ok" });
}
