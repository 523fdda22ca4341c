using VoiceAgent.Core.Telemetry;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddVoiceAgentTelemetry(builder.Configuration, "webpubsub-host");

var app = builder.Build();

// The media-stream bridge (Twilio <Connect><Stream> → STT → agent → TTS) and live call events land here in a
// later issue; for now the host runs and answers its health checks so it can be deployed and probed.
app.MapGet("/", () => TypedResults.Ok("VoiceAgent web pubsub host"));
app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" }));

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
