using System.Text.Json;
using VoiceAgent.LoadKit;
using VoiceAgent.LocalStack;
using VoiceAgent.StreamLoad;

// Usage: dotnet run -c Release --project tools/StreamLoad -- [--modes EnergyGate,Silero] [--energy-levels 1,50,100,200,350,500]
//        [--silero-levels 1,25,50,100,200] [--ramp-seconds 10] [--measure-seconds 15] [--single-seconds 30]
//        [--hangover-ms 600] [--stop-at-limit true]
// Per mode, a host on its own tables; per level, N simultaneous calls for the measured time. The single call runs
// first and again last (the interleaved baseline); a mode stops at the first level whose first-audio p99 exceeds
// twice the first single-call figure (with --stop-at-limit false it runs the rest). Prints one JSON object per level and a summary per mode.
var options = LoadOptions.Parse(args);
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
Console.WriteLine(JsonSerializer.Serialize(MachineNote.Now("machine-before"), json));

var line = await CallerLine.SpeakAsync("What are your hours on Saturday?", CancellationToken.None);
await using var azurite = await AzuriteServer.StartAsync();
foreach (var mode in options.Modes)
{
    await using var stack = await StreamStack.StartAsync(azurite.ConnectionString, mode, options.HangoverMilliseconds, CancellationToken.None);
    var levels = mode == "Silero" ? options.SileroLevels : options.EnergyLevels;
    LevelReport? single = null;
    int? largestWithin = null;
    string? pastLimit = null;
    foreach (var calls in levels)
    {
        var report = await LevelRun.RunAsync(stack, line, mode, calls, options);
        Console.WriteLine(JsonSerializer.Serialize(report, json));
        single ??= report;
        var within = report.LastVoicedToFirstAudio.P99 <= 2 * single.LastVoicedToFirstAudio.P99 && report.MissedTurns * 20 <= report.Turns && report.FailedCalls == 0;
        if (!within)
        {
            pastLimit ??= $"{calls} calls: first-audio p99 {report.LastVoicedToFirstAudio.P99} ms against {2 * single.LastVoicedToFirstAudio.P99} ms allowed, {report.MissedTurns}/{report.Turns} turns unanswered, {report.FailedCalls} calls failed";
            if (options.StopAtLimit)
            {
                break;
            }
        }
        else if (pastLimit is null)
        {
            largestWithin = calls;
        }
    }

    var after = await LevelRun.RunAsync(stack, line, mode, 1, options);
    Console.WriteLine(JsonSerializer.Serialize(after with { Mode = mode + " (single call again, after the levels)" }, json));
    Console.WriteLine(JsonSerializer.Serialize(new { mode, largestCallsWithinTwiceSingle = largestWithin, pastLimit = pastLimit ?? "every level within the limit" }, json));
}

Console.WriteLine(JsonSerializer.Serialize(MachineNote.Now("machine-after"), json));
return 0;
