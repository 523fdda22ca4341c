using System.Runtime.InteropServices;

namespace VoiceAgent.StreamLoad;

/// <summary>What the run ran on, and how busy the machine was (Linux load average), so a figure can be read against it.</summary>
internal sealed record MachineNote(string Section, int Processors, string Runtime, string Os, string? LoadAverage, DateTimeOffset At)
{
    public static MachineNote Now(string section) => new(
        section,
        Environment.ProcessorCount,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : null,
        DateTimeOffset.UtcNow);
}
