using System.Globalization;
using VoiceAgent.Core.Tenants;
using VoiceAgent.LoadKit;

namespace VoiceAgent.RelayLoad;

/// <summary>
/// One caller's call, the same on both paths: the shop's hours, its address, a price, a booking of the call's own
/// <see cref="Slot"/> read back, the yes that books it, and goodbye. Each turn names what its reply must say, so a turn
/// the engine misunderstood stops the run instead of being timed as a different turn.
/// </summary>
internal sealed class CallScript
{
    private CallScript(string callerNumber, IReadOnlyList<ScriptedTurn> turns)
    {
        CallerNumber = callerNumber;
        Turns = turns;
    }

    /// <summary>The demo shop's known customers, who take turns calling (each call books under its caller's name).</summary>
    public static IReadOnlyList<string> Callers { get; } = [.. DemoTenant.Customers.Select(c => c.PhoneNumber)];

    public string CallerNumber { get; }

    public IReadOnlyList<ScriptedTurn> Turns { get; }

    public static CallScript For(string callerNumber, Slot slot)
    {
        var day = slot.Date.ToString("dddd, MMMM d", CultureInfo.InvariantCulture);
        var time = slot.Time.ToString("h:mm tt", CultureInfo.InvariantCulture);
        var article = "aeiou".Contains(slot.Service[0], StringComparison.Ordinal) ? "an" : "a";
        return new CallScript(callerNumber,
        [
            new("hours", "What are your hours?", "(?i)open"),
            new("address", "Where are you located?", "1200 North Ave"),
            new("price", "How much is an oil change?", @"\$\d"),
            new("read-back", $"I'd like to book {article} {slot.Service} on {day} at {time}", $@"{day}(st|nd|rd|th)\b.*(?i:shall i book it\?)"),
            new("yes", "Yes, please.", "(?i)all set"),
            new("goodbye", "No, that's all, thanks.", "(?i)bye"),
        ]);
    }
}
