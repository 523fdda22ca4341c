using VoiceAgent.Core.Scheduling;

namespace VoiceAgent.CallSimulator.Cli;

/// <summary>
/// A line typed at the prompt that starts with <c>/</c>: a command to the simulator, not words said on the call.
/// <c>/clock [ARG]</c>, <c>/call</c>, <c>/hangup</c>, <c>/quit</c> (or <c>/exit</c>), <c>/help</c>.
/// </summary>
public sealed record SessionCommand(SessionCommandKind Kind, ClockArgument? Clock = null)
{
    public const string Help = """
        Commands (a line starting with /):
          /clock                 the app's clock now (and the shop's local time)
          /clock +1d | +2h30m    move the app's clock forward; every timer due on the way fires (the reminder sweep runs every 5 min)
          /clock 2026-12-02T10:05[-06:00]   move it to that instant (no offset: the shop's time)
          /call                  call the shop again (between calls)
          /hangup                hang up the call you are on
          /quit                  leave (Ctrl-D between calls does too)
        When the shop calls you, answer with y (you pick up), n (let it ring) or v (voicemail picks up).
        """;

    /// <summary>False for a line that is not a command (no leading <c>/</c>); a command that cannot be read gives an <paramref name="error"/>.</summary>
    public static bool TryParse(string line, TenantTime shop, out SessionCommand? command, out string? error)
    {
        ArgumentNullException.ThrowIfNull(line);
        command = null;
        error = null;
        var text = line.Trim();
        if (!text.StartsWith('/'))
        {
            return false;
        }

        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var (name, rest) = space < 0 ? (text, string.Empty) : (text[..space], text[(space + 1)..]);
        switch (name.ToLowerInvariant())
        {
            case "/clock":
                if (ClockArgument.TryParse(rest, shop, out var clock, out var problem))
                {
                    command = new SessionCommand(SessionCommandKind.Clock, clock);
                }
                else
                {
                    error = problem;
                }

                return true;
            case "/call" or "/hangup" or "/quit" or "/exit" or "/help" when rest.Trim().Length > 0:
                error = $"{name} takes no argument.";
                return true;
            case "/call":
                command = new SessionCommand(SessionCommandKind.Call);
                return true;
            case "/hangup":
                command = new SessionCommand(SessionCommandKind.HangUp);
                return true;
            case "/quit" or "/exit":
                command = new SessionCommand(SessionCommandKind.Quit);
                return true;
            case "/help":
                command = new SessionCommand(SessionCommandKind.Help);
                return true;
            default:
                error = $"Unknown command {name}: /help lists them.";
                return true;
        }
    }
}
