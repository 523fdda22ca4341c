// A minimal ASP.NET Core voice webhook: reads the form as the real app does, answers a fixed greeting.
// Listens on ASPNETCORE_URLS. Used only as the baseline of tools/bench-webhooks.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

var app = builder.Build();

const string Greeting = """<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hello</Say></Response>""";

app.MapGet("/api/health", () => TypedResults.Ok(new { status = "ok" }));
app.MapPost("/api/voice/incoming", async (HttpRequest request, CancellationToken cancellationToken) =>
{
    var form = await request.ReadFormAsync(cancellationToken);
    return form.ContainsKey("CallSid")
        ? TypedResults.Text(Greeting, "text/xml", System.Text.Encoding.UTF8)
        : Results.BadRequest("CallSid is missing.");
});

app.Run();
