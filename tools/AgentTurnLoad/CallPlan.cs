using System.Globalization;
using System.Text.RegularExpressions;
using VoiceAgent.LoadKit;
using VoiceAgent.OpenAiStandIn;

namespace VoiceAgent.AgentTurnLoad;

/// <summary>
/// One caller's call of <see cref="TurnCount"/> turns, the mix a shop's line hears: questions the shop's own answers
/// cover (hours, a price, the address, Sunday), a day's free times, a time checked and read back, the yes that books
/// it, a question the model answers alone, the service list, and goodbye. <see cref="Script"/> is what the model does
/// in that call, request by request; every caller message and the tool results that prove the booking are checked by
/// the stand-in, so a drift between script and engine shows as a script problem, never as a silently offline turn.
/// Every reply is two sentences, so the first one completes while the stream still runs.
/// </summary>
internal sealed class CallPlan
{
    public const int TurnCount = 10;

    private CallPlan(string callerNumber, Slot slot, IReadOnlyList<string> utterances, ModelScript script)
    {
        CallerNumber = callerNumber;
        Slot = slot;
        Utterances = utterances;
        Script = script;
    }

    public string CallerNumber { get; }

    public Slot Slot { get; }

    public IReadOnlyList<string> Utterances { get; }

    public ModelScript Script { get; }

    public static CallPlan For(string callerNumber, Slot slot)
    {
        var day = slot.Date.ToString("dddd, MMMM d", CultureInfo.InvariantCulture);
        var time = slot.Time.ToString("h:mm tt", CultureInfo.InvariantCulture);
        var date = slot.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var start = $"{date}T{slot.Time.ToString("HH:mm", CultureInfo.InvariantCulture)}";
        string[] utterances =
        [
            "Hi, what time do you close on Saturday?",
            "How much is an oil change?",
            $"Do you have anything for a {slot.Service} on {day}?",
            $"{time} would be great.",
            "Yes, please.",
            "Where are you located?",
            "Do I need to bring anything?",
            "How long will it take?",
            "Are you open on Sunday?",
            "No, that's all. Thanks!",
        ];
        var script = ModelScript.For($"agent-turn-load {slot.Service} {start}")
            .Turn(Exactly(utterances[0]))
                .Calls("business_info", new { question = "what time do you close on Saturday" })
            .Then().ExpectsToolResult("business_info", "(?i)saturday")
                .Says("On Saturday we're open from 9 in the morning until 1 in the afternoon. Is there anything I can book for you?")
            .Turn(Exactly(utterances[1]))
                .Calls("business_info", new { question = "how much is an oil change" })
            .Then().ExpectsToolResult("business_info", @"49\.99")
                .Says("An oil change is $49.99. Would you like to book one?")
            .Turn(Exactly(utterances[2]))
                .Calls("check_availability", new { service = slot.Service, date })
            .Then().ExpectsToolResult("check_availability", "free_times")
                .Says($"I have several times open on {day}. What time would suit you?")
            .Turn(Exactly(utterances[3]))
                .Calls("check_availability", new { service = slot.Service, date, time = slot.Time.ToString("HH:mm", CultureInfo.InvariantCulture) })
            .Then().ExpectsToolResult("check_availability", "\"Free\"")
                .Calls("book_appointment", new { service = slot.Service, start })
            .Then().ExpectsToolResult("book_appointment", "read_back")
                .Says($"That's a {slot.Service} on {day} at {time}. Shall I book it?")
            .Turn(Exactly(utterances[4]))
                .Calls("book_appointment", new { service = slot.Service, start })
            .Then().ExpectsToolResult("book_appointment", "\"booked\"")
                .Says($"You're booked for {day} at {time}. Is there anything else?")
            .Turn(Exactly(utterances[5]))
                .Calls("business_info", new { question = "where are you located" })
            .Then().ExpectsToolResult("business_info", "North Ave")
                .Says("We're at 1200 North Ave, Springfield. There's parking right in front.")
            .Turn(Exactly(utterances[6]))
                .Says("Just bring your car and your keys. We'll take care of the rest.")
            .Turn(Exactly(utterances[7]))
                .Calls("list_services")
            .Then().ExpectsToolResult("list_services", "durationMinutes")
                .Says("It takes about 30 minutes. You're welcome to wait in our lounge.")
            .Turn(Exactly(utterances[8]))
                .Calls("business_info", new { question = "are you open on sunday" })
            .Then().ExpectsToolResult("business_info", "(?i)closed")
                .Says("We're closed on Sundays. We open again on Monday at 8 in the morning.")
            .Turn(Exactly(utterances[9]))
                .Calls("end_call")
            .Then().Says("Thanks for calling Northside Auto Care. Goodbye!")
            .Build();
        return new CallPlan(callerNumber, slot, utterances, script);
    }

    private static string Exactly(string utterance) => $"^{Regex.Escape(utterance)}$";
}
