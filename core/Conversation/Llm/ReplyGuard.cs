using System.Text.RegularExpressions;

namespace VoiceAgent.Core.Conversation.Llm;

/// <summary>
/// Stops a reply that would read the instructions or internal data to the caller: a run of
/// <see cref="QuotedWords"/> words from <see cref="SystemPrompt.Rules"/>, a tool's name, an internal id, or JSON. The
/// prompt asks the model never to; this is what holds when the model is talked into it anyway.
/// </summary>
public static partial class ReplyGuard
{
    /// <summary>Said instead of a stopped reply.</summary>
    public const string Refusal = "Sorry, I can't share that. I can help you book, move or cancel an appointment, or answer a question about the shop.";

    /// <summary>Words in a row from the rules that count as quoting them.</summary>
    public const int QuotedWords = 6;

    /// <summary>The rules' runs of words, their quoted examples left out (a read-back may well say "tomorrow, Wednesday, December 2nd at 9 AM").</summary>
    private static readonly HashSet<string> RuleRuns = Runs(QuotedExample().Replace(SystemPrompt.Rules, " | "));

    private static readonly string[] ToolNames =
    [
        "find_customer", "list_services", "check_availability", "book_appointment", "set_caller_name", "list_my_appointments",
        "cancel_appointment", "confirm_appointment", "reschedule_appointment", "verify_pin", "decode_vin", "transfer_to_human",
        "take_message", "business_info", ModelTools.EndCall,
    ];

    /// <summary>True when <paramref name="reply"/> may be spoken.</summary>
    public static bool Allows(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (InternalData().IsMatch(reply) || ToolNames.Any(t => reply.Contains(t, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var words = Words(reply);
        for (var i = 0; i + QuotedWords <= words.Count; i++)
        {
            if (RuleRuns.Contains(string.Join(' ', words.Skip(i).Take(QuotedWords))))
            {
                return false;
            }
        }

        return true;
    }

    private static HashSet<string> Runs(string text)
    {
        var words = Words(text);
        var runs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + QuotedWords <= words.Count; i++)
        {
            var run = words.Skip(i).Take(QuotedWords).ToList();
            if (!run.Contains("|"))
            {
                runs.Add(string.Join(' ', run));
            }
        }

        return runs;
    }

    private static List<string> Words(string text) =>
        [.. WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value)];

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex QuotedExample();

    [GeneratedRegex(@"[a-z0-9']+|\|")]
    private static partial Regex WordPattern();

    /// <summary>Appointment ids (<c>yyyyMMdd-…</c>) and customer ids, JSON objects, the words "system prompt".</summary>
    [GeneratedRegex(@"\b(?:appt|cust)-[a-z0-9-]{3,}|\b\d{8}-[0-9a-z]{4,}|\{\s*""|""\s*:\s*[""\[{0-9tfn]|system\s+prompt", RegexOptions.IgnoreCase)]
    private static partial Regex InternalData();
}
