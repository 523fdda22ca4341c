using System.Text.Json;
using VoiceAgent.WebhookLoad;

if (!LoadOptions.TryParse(args, out var options, out var error))
{
    await Console.Error.WriteLineAsync(error);
    await Console.Error.WriteLineAsync(LoadOptions.Usage);
    return error == LoadOptions.HelpRequested ? 0 : 2;
}

using var cancel = new CancellationTokenSource(options.TimeLimit);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

using var http = LoadRun.CreateClient(options.Concurrency);
var webhook = new IncomingCallWebhook(options);
var run = new LoadRun(http, webhook, options.Concurrency);

await run.RunAsync(options.Warmup, cancel.Token);
var measured = await run.RunAsync(options.Requests, cancel.Token);

var summary = LoadSummary.From(options.Target, options.Concurrency, options.Requests, measured);
Console.WriteLine(JsonSerializer.Serialize(summary, LoadSummary.JsonOptions));
if (measured.FirstError is { } first)
{
    await Console.Error.WriteLineAsync($"{measured.Errors} of {measured.Attempted} requests failed; first: {first}");
}

return summary.Errors == 0 ? 0 : 1;
