using VoiceAgent.Core.Hosting;
using VoiceAgent.Functions.Staff;
using VoiceAgent.Core.Telemetry;
using VoiceAgent.Functions.Voice;

namespace VoiceAgent.Functions.Hosting;

/// <summary>
/// Builds the functions handler app. Program.cs runs it; the call simulator's script mode hosts the same app
/// in-process (real Kestrel, real webhooks) with its own clock and storage through <paramref name="configure"/>.
/// </summary>
public static class FunctionsApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(FunctionsApp).Assembly.GetName().Name,
        });

        builder.WebHost.UseCustomHandlerPort();
        builder.Services.AddVoiceAgentCore(builder.Configuration);
        builder.Services.AddVoiceAgentTelemetry(builder.Configuration, "functions");
        builder.Services.AddVoiceWebhooks();
        builder.Services.AddStaffApi(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapHealthEndpoints();
        app.MapVoiceWebhooks();
        app.MapStaffApi();
        return app;
    }
}
