using System.Runtime.InteropServices;
using VoiceAgent.CallSimulator.Cli;

namespace VoiceAgent.CallSimulator;

/// <summary>The call simulator: plays Twilio against the voice webhooks, interactively or from scenario files.</summary>
public static class Program
{
    private const string Usage = """
        Usage:
          VoiceAgent.CallSimulator call --url http://127.0.0.1:PORT --token TOKEN [--from +15555550101] [--to +15555550100] [--public-url URL]
                                        [--twilio-port P --account-sid AC...] [--zone America/Chicago]
              A call against a running app; type what the caller says (an empty line is silence). Between calls:
              /clock [+1d | +2h30m | 2026-12-02T10:05[-06:00]], /call, /quit; /help lists the commands. With --twilio-port
              the Twilio stand-in runs here: texts are printed, and the shop's calls to --from ring here (y/n/v).
          VoiceAgent.CallSimulator twilio --port P --account-sid AC... [--token T] [--route PUBLIC=TARGET] [--app URL]
              The Twilio stand-in as its own process (token: --token or TWILIO_AUTH_TOKEN); logs texts and calls, nobody answers.
          VoiceAgent.CallSimulator scenarios FILE-OR-FOLDER... [--storage CONNECTION-STRING] [--parallel N]
                                        [--agent offline|llm] [--model-endpoint URL [--model NAME] [--model-key KEY]]
              Plays scenario files against the app hosted in-process; last line "N passed, M failed". --agent llm: through
              the LLM agent against a stand-in model playing tests/model-scripts/<scenario name>.yaml; --model-endpoint:
              against a real OpenAI-compatible endpoint (model default llama3.1), unscripted.
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
                ["twilio", .. var rest] => await TwilioCommand.RunAsync(rest, Console.Out, stop.Token),
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
