using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using VoiceAgent.Functions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddVoiceAgentFunctions(builder.Configuration);
builder.Build().Run();
