using BenchmarkDotNet.Running;

// dotnet run -c Release --project tools/Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(VoiceAgent.Benchmarks.AvailabilityBenchmarks).Assembly).Run(args);
