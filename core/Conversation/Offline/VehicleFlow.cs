using VoiceAgent.Core.Conversation.Understanding;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Vehicles;

namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>
/// The car a booking is for, when the shop's work needs one (<see cref="Tenants.TenantProfile.AsksForVehicle"/>):
/// a caller with no car on file is asked for its year, make and model or its VIN, one with several cars is asked
/// which. Asked once per call, after the booking is written, so no answer can block or undo it: silence, "no idea",
/// a goodbye or anything unusable ends with "you're all set". It is asked a second time only for an answer on its
/// way ("hold on", "sure", a VIN that did not check out), never a third.
/// </summary>
internal static class VehicleFlow
{
    /// <summary>Words dropped from either end of an answer when looking for a VIN in it ("yeah, it's ... I think").</summary>
    private const int MaxWordsAroundVin = 3;

    /// <summary>Characters a misheard VIN may have gained or lost and still count as an attempt at one.</summary>
    private const int MaxVinLengthError = 2;

    private static readonly string[] OnItsWay =
    [
        "hold on", "hang on", "one sec", "one second", "one moment", "just a sec", "just a second", "just a moment", "give me a sec",
        "give me a second", "give me a minute", "let me check", "let me look", "let me find", "let me get", "let me grab", "wait",
    ];

    /// <summary>The question to add to a new booking's confirmation (and the stage set for its answer), or null when none is due.</summary>
    public static async Task<string?> AskAsync(TurnInput turn, CancellationToken cancellationToken)
    {
        var state = turn.State;
        if (!turn.Tenant.AsksForVehicle || state.VehicleQuestions > 0
            || await turn.Tools.FindCustomerAsync(cancellationToken) is not { } customer || customer.Vehicles.Count == 1)
        {
            return null;
        }

        var question = Question(customer, state.Booked.Count);
        Ask(state, question);
        return customer.Vehicles.Count == 0 ? DialogPrompts.OneMoreThing(question) : question;
    }

    /// <summary>
    /// The reply to the answer; null when the caller asked for something else instead ("how late are you open?"), which
    /// the engine then routes as a new request with the question dropped. A car named along with it is still kept.
    /// </summary>
    public static async Task<AgentReply?> ContinueAsync(TurnInput turn, CallerIntent intent, CancellationToken cancellationToken)
    {
        var state = turn.State;
        state.Stage = DialogStage.None;
        state.Prompt = null;
        var customer = await turn.Tools.FindCustomerAsync(cancellationToken);
        var onFile = customer?.Vehicles ?? [];
        var latestModelYear = turn.Context.Now.Year + 1;
        var chosen = onFile.Count > 1 ? VehicleChoice.Pick(turn.Text, onFile, latestModelYear) : null;
        var (vin, vinAttempted) = chosen is null ? await VinAsync(turn, cancellationToken) : (null, false);
        var described = chosen is null && vin is null ? VehicleDescriptionParser.Parse(turn.Text, latestModelYear)?.ToVehicle() : null;
        if (onFile.Count > 1 && described?.Model.Length == 0)
        {
            described = null; // "the Toyota" to "your Honda or your Ford?" is no answer, not a new car
        }

        var vehicle = chosen ?? vin?.ToVehicle() ?? described;
        if (IsOtherRequest(turn, intent))
        {
            if (vehicle is not null)
            {
                await turn.Tools.SaveVehicleAsync(vehicle, cancellationToken);
            }

            return null;
        }

        var noted = vehicle is not null && await turn.Tools.SaveVehicleAsync(vehicle, cancellationToken) is { } kept
            ? chosen is not null ? DialogPrompts.VehicleChosen(kept.Describe())
                : vin is not null ? (kept.Describe() is { Length: > 0 } decoded ? DialogPrompts.VinDecoded(Article(decoded), decoded) : DialogPrompts.VinNoted)
                : DialogPrompts.VehicleNoted(kept.Describe())
            : null;
        if (intent == CallerIntent.Goodbye)
        {
            return AgentReply.Hangup(DialogPrompts.VehicleGoodbye(noted ?? DialogPrompts.VehicleNoProblem, turn.Thanks));
        }

        if (noted is not null)
        {
            return Done(state, noted);
        }

        if (state.VehicleQuestions < 2 && customer is not null && Again(turn, vinAttempted, Question(customer, state.Booked.Count)) is { } again)
        {
            Ask(state, again);
            return AgentReply.Listen(again);
        }

        return NoAnswer(state);
    }

    /// <summary>No usable answer (or silence): the booking stands, and the call goes on.</summary>
    public static AgentReply NoAnswer(DialogState state)
    {
        state.Stage = DialogStage.None;
        state.Prompt = null;
        return Done(state, DialogPrompts.VehicleNoProblem);
    }

    private static AgentReply Done(DialogState state, string said)
    {
        state.PendingOffer = FollowUpOffer.AnythingElse;
        return AgentReply.Listen(DialogPrompts.ThenAnythingElse(said));
    }

    private static void Ask(DialogState state, string question)
    {
        state.VehicleQuestions++;
        state.Stage = DialogStage.AwaitVehicle;
        state.Prompt = question;
    }

    private static string Question(Customer customer, int booked) => customer.Vehicles.Count == 0
        ? DialogPrompts.DescribeVehicle
        : DialogPrompts.WhichVehicle(customer.Vehicles.Select(v => v.Describe()), several: booked > 1);

    /// <summary>A VIN in the answer, checked and decoded; or whether the answer looked like a VIN that did not check out.</summary>
    private static async Task<(VinDecoding? Decoding, bool Attempted)> VinAsync(TurnInput turn, CancellationToken cancellationToken)
    {
        var words = turn.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var lead = 0; lead <= Math.Min(MaxWordsAroundVin, words.Length - 1); lead++)
        {
            for (var tail = 0; tail <= Math.Min(MaxWordsAroundVin, words.Length - 1 - lead); tail++)
            {
                var candidate = string.Join(' ', words[lead..^tail]);
                if (Vin.TryParse(candidate, out _, out _))
                {
                    return ((await turn.Tools.DecodeVinAsync(candidate, cancellationToken)).Decoding, false);
                }
            }
        }

        // Every word a VIN character, about seventeen of them and several digits: a VIN misheard or mis-said.
        return (null, VinText.TryNormalise(turn.Text, out var characters, out _)
            && Math.Abs(characters.Length - Vin.Length) <= MaxVinLengthError && characters.Count(char.IsAsciiDigit) >= 4);
    }

    /// <summary>A request the booking's follow-up question should not swallow: another booking, a change, a question.</summary>
    private static bool IsOtherRequest(TurnInput turn, CallerIntent intent) =>
        intent is CallerIntent.Cancel or CallerIntent.Reschedule or CallerIntent.ListAppointments or CallerIntent.Hours or CallerIntent.Faq
            or CallerIntent.Price or CallerIntent.WalkIn or CallerIntent.JobStatus or CallerIntent.LeaveMessage or CallerIntent.TextMessage
            or CallerIntent.OtherLanguage
        || (intent == CallerIntent.Book && turn.Service is not null);

    /// <summary>The question again, for an answer still on its way ("hold on", "sure", a VIN misheard); null for one that is not.</summary>
    private static string? Again(TurnInput turn, bool vinAttempted, string question)
    {
        if (vinAttempted)
        {
            return DialogPrompts.VinDidNotCheckOut;
        }

        var text = Phrases.Normalise(turn.Text);
        var lead = OnItsWay.Any(phrase => Phrases.ContainsPhrase(text, phrase)) ? DialogPrompts.TakeYourTime
            : turn.YesNo == YesNoAnswer.Yes && turn.Phrase is null ? DialogPrompts.Sure : null;
        return lead is null ? null : DialogPrompts.VehicleAgain(lead, question);
    }

    /// <summary>"a 2003 Honda" (every model year is said "nineteen ..." or "twenty ..."), "an Acura".</summary>
    private static string Article(string described) => char.IsAsciiDigit(described[0]) ? "a" : SlotSpeech.Article(described);
}
