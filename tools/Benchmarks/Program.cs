using BenchmarkDotNet.Running;
using VoiceAgent.Benchmarks;

// dotnet run -c Release --project tools/Benchmarks -- --filter '*' --job short
// dotnet run -c Release --project tools/Benchmarks -- speech-accuracy ../shared/scenarios
if (args.Length > 0 && args[0] == SpeechAccuracy.Command)
{
    return await SpeechAccuracy.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(AvailabilityBenchmarks).Assembly).Run(args);
return 0;
