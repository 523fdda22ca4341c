using VoiceAgent.Core.Hosting;
using VoiceAgent.Functions.Hosting;
using VoiceAgent.Functions.Voice;

var builder = WebApplication.CreateBuilder(args);

builder.WebHost.UseCustomHandlerPort();
builder.Services.AddVoiceAgentCore(builder.Configuration);
builder.Services.AddVoiceWebhooks();

var app = builder.Build();

app.MapHealthEndpoints();
app.MapVoiceWebhooks();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
