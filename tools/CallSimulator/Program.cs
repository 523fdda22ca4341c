using System.Runtime.InteropServices;
using VoiceAgent.CallSimulator.Cli;

namespace VoiceAgent.CallSimulator;

/// <summary>The call simulator: plays Twilio against the voice webhooks, interactively or from scenario files.</summary>
public static class Program
{
    private const string Usage = """
        Usage:
          VoiceAgent.CallSimulator call --url http://127.0.0.1:PORT --token TOKEN [--from +15555550101] [--to +15555550100] [--public-url URL]
              A call against a running app; type what the caller says (an empty line is silence).
          VoiceAgent.CallSimulator scenarios FILE-OR-FOLDER... [--storage CONNECTION-STRING]
              Plays scenario files against the app hosted in-process; last line "N passed, M failed".
        """;

    public static async Task<int> Main(string[] args)
    {
        // The first Ctrl-C (or SIGTERM) stops gracefully: the caller hangs up, Azurite and the app are stopped.
        using var stop = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(stop, context));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(stop, context));
        try
        {
            return args switch
            {
                ["call", .. var rest] => await InteractiveCommand.RunAsync(rest, Console.In, Console.Out, stop.Token),
                ["scenarios", .. var rest] => await ScenariosCommand.RunAsync(rest, Console.Out, stop.Token),
                // Hidden: the second process of the cross-process booking race test (BookingRaceTests).
                ["race", .. var rest] => await RaceCommand.RunAsync(rest, Console.In, Console.Out, stop.Token),
                ["--help" or "-h" or "help"] => Help(Console.Out, 0),
                _ => Help(Console.Error, 2),
            };
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return Help(Console.Error, 2);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Stopped.");
            return 130;
        }
    }

    private static void Stop(CancellationTokenSource stop, PosixSignalContext context)
    {
        // A second signal is not cancelled: it ends the process the usual way.
        context.Cancel = !stop.IsCancellationRequested;
        stop.Cancel();
    }

    private static int Help(TextWriter writer, int exitCode)
    {
        writer.WriteLine(Usage);
        return exitCode;
    }
}
