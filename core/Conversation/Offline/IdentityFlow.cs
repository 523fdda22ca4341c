using System.Text;
using VoiceAgent.Core.Conversation.Tools;

namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>
/// A caller whose number is not on file proves who they are with a PIN: of the account on the phone number they give,
/// or of the account under the name they give. The question is the same whether or not a name matched, and a wrong
/// PIN gets the same answer either way, so the call never tells whether a name is a customer. After too many wrong
/// PINs the call goes to a person. The pending task resumes once verified.
/// </summary>
internal static class IdentityFlow
{
    public const int MaxAccountLookups = 2;

    private static readonly Dictionary<string, char> DigitWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = '0', ["oh"] = '0', ["o"] = '0', ["one"] = '1', ["two"] = '2', ["to"] = '2', ["too"] = '2', ["three"] = '3',
        ["four"] = '4', ["for"] = '4', ["five"] = '5', ["six"] = '6', ["seven"] = '7', ["eight"] = '8', ["nine"] = '9',
    };

    public static AgentReply Start(TurnInput turn)
    {
        NoteName(turn);
        return PendingQuestion.Ask(turn.State, DialogStage.AwaitAccountPhone, DialogPrompts.NoAccountForNumber);
    }

    public static async Task<AgentReply> ContinueAsync(TurnInput turn, CancellationToken cancellationToken)
    {
        var state = turn.State;
        NoteName(turn);
        switch (state.Stage)
        {
            case DialogStage.AwaitAccountPhone:
                var digits = Digits(turn.Input);
                if (digits.Length is >= 10 and <= 15)
                {
                    state.AccountPhone = digits;
                    return PendingQuestion.Ask(state, DialogStage.AwaitPin, DialogPrompts.ThanksPin);
                }

                if (IsPin(digits))
                {
                    // A PIN proves the account under the caller's name; without a name, ask for it, then for the PIN again
                    // (a PIN is never kept in the call's state).
                    return state.CallerName is { } name
                        ? await VerifyAsync(turn, turn.Tools.VerifyPinByNameAsync(name, digits, cancellationToken), cancellationToken)
                        : PendingQuestion.Ask(state, DialogStage.AwaitAccountName, DialogPrompts.AccountName);
                }

                state.AccountLookups++;
                turn.NotUnderstood = true;
                return state.AccountLookups >= MaxAccountLookups
                    ? ToDesk(turn, DialogPrompts.AccountNotCaught)
                    : PendingQuestion.Ask(state, DialogStage.AwaitAccountPhone, DialogPrompts.AccountAgain);
            case DialogStage.AwaitAccountName:
                state.CallerName = NameExtractor.FromAnswer(turn.Text);
                if (state.CallerName is null)
                {
                    turn.NotUnderstood = true;
                    state.AccountLookups++;
                    return state.AccountLookups >= MaxAccountLookups
                        ? ToDesk(turn, DialogPrompts.AccountNameNotCaught)
                        : PendingQuestion.Ask(state, DialogStage.AwaitAccountName, DialogPrompts.AccountNameAgain);
                }

                return PendingQuestion.Ask(state, DialogStage.AwaitPin, DialogPrompts.ThanksNamePin(state.CallerName));
            default:
                var pin = Digits(turn.Input);
                if (!IsPin(pin))
                {
                    turn.NotUnderstood = true;
                    return PendingQuestion.Ask(state, DialogStage.AwaitPin, DialogPrompts.PinAgain);
                }

                return await VerifyAsync(turn, state.AccountPhone is { } phone
                    ? turn.Tools.VerifyPinAsync(phone, pin, cancellationToken)
                    : turn.Tools.VerifyPinByNameAsync(state.CallerName ?? string.Empty, pin, cancellationToken), cancellationToken);
        }
    }

    private static async Task<AgentReply> VerifyAsync(TurnInput turn, Task<PinCheck> verification, CancellationToken cancellationToken)
    {
        var state = turn.State;
        switch (await verification)
        {
            case PinCheck.Verified:
                var customer = await turn.Tools.FindCustomerAsync(cancellationToken);
                state.CallerName = null; // the account's own name is used from here on
                var reply = await AppointmentChangeFlow.StartAsync(turn, state.Task, cancellationToken);
                return reply with { Speech = DialogPrompts.Verified(customer?.FirstName, reply.Speech) };
            case PinCheck.Locked:
                return ToDesk(turn, DialogPrompts.PinLocked);
            case PinCheck.NoPinOnAccount:
                state.ClearTask();
                return HandoffFlow.Offer(turn, DialogPrompts.CannotVerify);
            default:
                return PendingQuestion.Ask(state, DialogStage.AwaitPin, DialogPrompts.PinMismatch);
        }
    }

    /// <summary>"This is John Smith" said while proving identity names the account to check a PIN against.</summary>
    private static void NoteName(TurnInput turn)
    {
        if (turn.State.CustomerId is null && NameExtractor.FromIntroduction(turn.Text) is { } name)
        {
            turn.State.CallerName = name;
        }
    }

    private static bool IsPin(string digits) => digits.Length is >= 4 and <= 6;

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
            ? AgentReply.Hangup(DialogPrompts.NotVerifiedGoodbye(lead))
            : AgentReply.Transfer(DialogPrompts.NotVerifiedTransfer(lead, desk.Department), desk.Target);
    }
}
