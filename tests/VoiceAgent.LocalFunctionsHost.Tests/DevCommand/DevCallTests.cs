using System.Text.RegularExpressions;

namespace VoiceAgent.LocalFunctionsHost.Tests.DevCommand;

/// <summary>
/// The run command's terminal call with the app's clock under the person's control (issue 9, "Time in the local run"):
/// book for tomorrow, hang up, move the clock past the reminder's due time with <c>/clock</c>, and the shop's texts
/// and the reminder call arrive in the same terminal, where the call is answered and played.
/// </summary>
[Collection(DevCommandCollection.Name)]
public sealed class DevCallTests
{
    private const string JohnSmith = "+1555…0101";
    // Two apps (the functions app and the real-time host), Azurite and the simulator start per run: a loaded CI machine needs the room.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Call_BookThenClockPastTheReminder_TextPrintedAndReminderRingsAndIsConfirmed()
    {
        // Booked at 09:15 for 11:00 tomorrow: the reminder is due at 11:00 today (24 h before, inside the calling window).
        var run = await DevCall.RunAsync(
            ["--in-memory", "--clock", "2026-12-01T09:15:00-06:00"],
            [
                "Hi, can I get an oil change tomorrow at 11 in the morning?",
                "yes",
                "no that's all, thanks",
                "/hangup",
                "/clock 2026-12-01T11:05",
                "y",
                "yes, I'll be there, thanks",
            ],
            Bound);

        Assert.True(run.ExitCode == 0, run.ToString());

        // The booking confirmation, printed as it arrived at the caller's number.
        var text = run.IndexOf(l => l.StartsWith($"[text to {JohnSmith}] ", StringComparison.Ordinal));
        Assert.True(text >= 0, run.ToString());
        Assert.Matches(new Regex(@"(?i)northside auto care.*oil change.*(dec 2|wed).*11:00 am"), run.Lines[text]);

        // The clock moved, and the reminder call rang the terminal once, after it started moving.
        var moving = run.IndexOf(l => l.StartsWith("[moving the app's clock to Tue, Dec 1, 11:05 AM at the shop", StringComparison.Ordinal));
        var ring = run.IndexOf(l => l.StartsWith("[the shop (+1555…0100) is calling you", StringComparison.Ordinal));
        Assert.True(moving >= 0 && ring > moving, run.ToString());
        Assert.Single(run.Lines, l => l.Contains("is calling you", StringComparison.Ordinal));

        // Picked up, it is played like any call: the reminder, the answer typed, the agent's confirmation.
        Assert.Equal("[you pick up]", run.Lines[ring + 1]);
        var reminder = run.IndexOf(l => l.StartsWith("Agent: ", StringComparison.Ordinal) && l.Contains("reminder", StringComparison.OrdinalIgnoreCase), ring);
        var answered = run.IndexOf(l => l == "Caller: yes, I'll be there, thanks", reminder);
        var confirmed = run.IndexOf(l => l.StartsWith("Agent: ", StringComparison.Ordinal) && l.Contains("confirmed", StringComparison.OrdinalIgnoreCase), answered);
        Assert.True(reminder > ring && answered > reminder && confirmed > answered, run.ToString());
        Directory.Delete(run.Logs, recursive: true); // kept when the test fails
    }

    [Fact]
    public async Task Call_RelayTransport_TheCallRunsOnTheRealtimeHostAndTransfers()
    {
        var run = await DevCall.RunAsync(["--in-memory", "--transport", "relay"], ["What are your hours?", "Can I talk to a person please?"], Bound);

        Assert.True(run.ExitCode == 0, run.ToString());
        var connected = run.IndexOf(l => l == "[connected to the real-time host (ConversationRelay)]");
        var hours = run.IndexOf(l => l.StartsWith("Agent: ", StringComparison.Ordinal) && l.Contains("Monday", StringComparison.Ordinal), connected);
        var transferred = run.IndexOf(l => l.StartsWith("[transferred to ", StringComparison.Ordinal), hours);
        Assert.True(connected >= 0 && hours > connected && transferred > hours, run.ToString());
        Directory.Delete(run.Logs, recursive: true); // kept when the test fails
    }
}
