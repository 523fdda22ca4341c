using System.Text.Json;
using VoiceAgent.Core.Tenants;
using VoiceAgent.LoadKit;
using VoiceAgent.RelayLoad;

// Usage: dotnet run -c Release --project tools/RelayLoad -- [--calls 100] [--warmup-calls 5] [--levels 1,10,50,100,150,200,250,300]
//        [--pause-min-ms 1000] [--pause-max-ms 2000] [--samples FILE]
// 1. Latency: one call at a time, relay and direct (TakeTurnAsync) interleaved A B / B A; per turn the first and last
//    text token after the final prompt, and the storage requests.
// 2. Concurrency: N relay calls at once, each pausing as a caller speaks between turns; first-token figures per N.
// Prints one JSON object per section (warm-up left out); --samples keeps every turn as a JSON line.
var options = RelayLoadOptions.Parse(args);
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };

Console.WriteLine(JsonSerializer.Serialize(MachineNote.Now("machine-before"), json));
await using var stack = await RelayStack.StartAsync(CancellationToken.None);
var tally = new StorageTally();
using var storage = new StorageRequests(stack.TablePort, tally.Add);
var slots = new SlotPlanner(DemoTenant.Profile, ShopClock.TuesdayMorning);

var sequential = await new LatencyRun(stack, tally, slots).RunAsync(options.WarmupCalls, options.Calls, CancellationToken.None);
var latency = LatencyReport.Of(sequential);
Console.WriteLine(JsonSerializer.Serialize(latency, json));

var levels = await new ConcurrencyRun(stack, tally, slots).RunAsync(options.Levels, options.PauseMin, options.PauseMax, CancellationToken.None);
Console.WriteLine(JsonSerializer.Serialize(ConcurrencyReport.Of(levels, latency, options.PauseMin, options.PauseMax), json));

Console.WriteLine(JsonSerializer.Serialize(MachineNote.Now("machine-after"), json));
if (options.SamplesFile is { } file)
{
    await File.WriteAllLinesAsync(file, [.. sequential.Concat(levels.SelectMany(l => l.Turns)).Select(t => JsonSerializer.Serialize(t, JsonSerializerOptions.Web))]);
}

return 0;
