using Microsoft.Azure.Functions.Worker;

namespace VoiceAgent.LocalFunctionsHost.Tests.Hosting;

/// <summary>One run of a timer function: which, when on the app's clock, and the <see cref="TimerInfo"/> it was given.</summary>
public sealed record TimerRun(string Function, DateTimeOffset At, TimerInfo Timer);
