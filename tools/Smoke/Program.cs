using VoiceAgent.Smoke;

// tools/smoke and tools/twilio-webhooks: `check BASE_URL ...` or `webhooks --app-url URL ... NUMBER...` (each script's --help).
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    return args switch
    {
        ["check", .. var rest] => await SmokeCommand.RunAsync(rest, Console.Out, stop.Token),
        ["webhooks", .. var rest] => await WebhooksCommand.RunAsync(rest, Console.Out, stop.Token),
        _ => throw new UsageException("Run it as tools/smoke or tools/twilio-webhooks (verbs: check, webhooks)."),
    };
}
catch (UsageException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    return 130;
}
