using System.Text.Json;
using VoiceAgent.AgentTurnLoad;
using VoiceAgent.Core.Tenants;
using VoiceAgent.LoadKit;

// Usage: dotnet run -c Release --project tools/AgentTurnLoad -- [--turns 1000] [--warmup-turns 50] [--stream-turns 200]
//        [--chunk-delay-ms 20] [--samples FILE]
// 1. Overhead: calls of 10 turns through InboundCallService.TakeTurnAsync on the model engine (stand-in at zero latency)
//    and, interleaved, on the offline engine; per turn the time, the model's share and the storage requests.
// 2. First sentence: streamed turns on the engine against a stand-in writing a word per chunk delay.
// Prints one JSON object per section (warm-up turns left out); --samples keeps every turn as a JSON line.
var options = LoadOptions.Parse(args);
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };

Console.WriteLine(JsonSerializer.Serialize(MachineNote.Now("machine-before"), json));
await using var stack = await AgentStack.StartAsync(options.ChunkDelay, CancellationToken.None);
using var storage = new StorageRequests(stack.TablePort, request => TurnMeter.Current?.AddStorage(request));
var slots = new SlotPlanner(DemoTenant.Profile, AgentStack.Now);

var turns = await new OverheadRun(stack, slots).RunAsync(options.WarmupCalls, options.Calls, CancellationToken.None);
Console.WriteLine(JsonSerializer.Serialize(OverheadReport.Of(turns), json));

var streamed = await new StreamingRun(stack, slots).RunAsync(warmupCalls: 1, options.StreamCalls, CancellationToken.None);
Console.WriteLine(JsonSerializer.Serialize(StreamReport.Of(streamed, options.ChunkDelay), json));

Console.WriteLine(JsonSerializer.Serialize(MachineNote.Now("machine-after"), json));
if (options.SamplesFile is { } file)
{
    await File.WriteAllLinesAsync(file, [.. turns.Select(t => JsonSerializer.Serialize(t, JsonSerializerOptions.Web)), .. streamed.Select(s => JsonSerializer.Serialize(s, JsonSerializerOptions.Web))]);
}

return 0;
