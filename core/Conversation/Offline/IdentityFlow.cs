using System.Text;
using VoiceAgent.Core.Conversation.Tools;

namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>
/// A caller whose number is not on file proves who they are with the account's phone number and PIN; after
/// too many wrong PINs the call goes to a person. The pending task resumes once verified.
/// </summary>
internal static class IdentityFlow
{
    public const int MaxAccountLookups = 2;

    private static readonly Dictionary<string, char> DigitWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = '0', ["oh"] = '0', ["o"] = '0', ["one"] = '1', ["two"] = '2', ["to"] = '2', ["too"] = '2', ["three"] = '3',
        ["four"] = '4', ["for"] = '4', ["five"] = '5', ["six"] = '6', ["seven"] = '7', ["eight"] = '8', ["nine"] = '9',
    };

    public static AgentReply Start(TurnInput turn) =>
        BookingFlow.Ask(turn.State, DialogStage.AwaitAccountPhone,
            "I don't see an account for the number you're calling from. What's the phone number on your account?");

    public static async Task<AgentReply> ContinueAsync(TurnInput turn, CancellationToken cancellationToken)
    {
        var state = turn.State;
        if (state.Stage == DialogStage.AwaitAccountPhone)
        {
            var digits = Digits(turn.Input);
            if (digits.Length is >= 10 and <= 15)
            {
                state.AccountPhone = digits;
                return BookingFlow.Ask(state, DialogStage.AwaitPin, "Thanks. Please say or key in your PIN.");
            }

            state.AccountLookups++;
            turn.NotUnderstood = true;
            return state.AccountLookups >= MaxAccountLookups
                ? ToDesk(turn, "I'm sorry, I couldn't get that number.")
                : BookingFlow.Ask(state, DialogStage.AwaitAccountPhone, "Sorry, I didn't get a full phone number. Could you say it again, digit by digit?");
        }

        var pin = Digits(turn.Input);
        var check = pin.Length is >= 4 and <= 6
            ? await turn.Tools.VerifyPinAsync(state.AccountPhone ?? string.Empty, pin, cancellationToken)
            : PinCheck.Wrong;
        switch (check)
        {
            case PinCheck.Verified:
                var task = state.Task;
                var customer = await turn.Tools.FindCustomerAsync(cancellationToken);
                var reply = await AppointmentChangeFlow.StartAsync(turn, task, cancellationToken);
                return reply with { Speech = $"Thanks, {customer?.FirstName}, you're verified. {reply.Speech}" };
            case PinCheck.Locked:
                return ToDesk(turn, "I'm sorry, that PIN doesn't match our records.");
            default:
                return BookingFlow.Ask(state, DialogStage.AwaitPin, "That PIN didn't match. Please try again.");
        }
    }

    /// <summary>Digits from the keypad, or spoken as digits or digit words ("four three two one").</summary>
    public static string Digits(CallerInput input)
    {
        if (!string.IsNullOrWhiteSpace(input.Digits))
        {
            return new string([.. input.Digits.Where(char.IsAsciiDigit)]);
        }

        var digits = new StringBuilder();
        foreach (var word in (input.Speech ?? string.Empty).Split([' ', ',', '-', '.'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.All(char.IsAsciiDigit) || (word.StartsWith('+') && word[1..].All(char.IsAsciiDigit)))
            {
                digits.Append(word.TrimStart('+'));
            }
            else if (DigitWords.TryGetValue(word, out var digit))
            {
                digits.Append(digit);
            }
        }

        return digits.ToString();
    }

    private static AgentReply ToDesk(TurnInput turn, string lead)
    {
        turn.State.ClearTask();
        var desk = turn.Tenant.DefaultTransferTarget;
        return desk is null
            ? AgentReply.Hangup($"{lead} Please call back from the phone on your account. Goodbye.")
            : AgentReply.Transfer($"{lead} Let me connect you with our {desk.Department}, who can help.", desk.Target);
    }
}
