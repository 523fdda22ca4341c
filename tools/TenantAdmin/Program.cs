using System.Runtime.InteropServices;

namespace VoiceAgent.TenantAdmin;

/// <summary>tools/tenant: the operator's command for tenant profiles.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        return await TenantCommand.RunAsync(args, Console.Out, Console.Error, stop.Token);
    }
}
