using VoiceAgent.Core.Conversation.Llm;
using System.Globalization;
using System.Text;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Messaging;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Workflows;

namespace VoiceAgent.Core.Calls;

/// <summary>
/// Builds a finished call's <see cref="CallWrapUp"/> from the call's own state: its session (the dialog's changes,
/// messages, task and misunderstandings, the transfer) and its turns. No model is asked: the summary is the dialog's.
/// </summary>
public sealed class CallWrapUps(AppointmentTexts texts)
{
    /// <summary>A turn slower than this is flagged: Gather's caller has heard a filler by then, a real-time caller dead air.</summary>
    public static readonly TimeSpan SlowTurn = TimeSpan.FromSeconds(3);

    private const int MaxMessageInSummary = 120;

    public CallWrapUp Build(TenantProfile tenant, CallSession session, IReadOnlyList<CallTurn> turns)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(turns);
        var dialog = session.Dialog;
        var department = session.TransferredTo is { } target ? tenant.DepartmentOf(target) ?? "a person" : null;
        var outcomes = new List<string>();
        foreach (var (kind, name) in new[] { (ChangeKind.Rescheduled, "rescheduled"), (ChangeKind.Booked, "booked"), (ChangeKind.Cancelled, "cancelled") })
        {
            if (dialog.Changes.Any(c => c.Kind == kind))
            {
                outcomes.Add(name);
            }
        }

        if (dialog.MessagesForStaff.Count > 0)
        {
            outcomes.Add("message");
        }

        if (department is not null)
        {
            outcomes.Add("transferred");
        }

        var slowest = turns.Count == 0 ? (double?)null : turns.Max(t => t.ElapsedMilliseconds);
        var flags = new List<string>();
        if (department is not null && dialog.Misunderstandings >= 2)
        {
            flags.Add(CallFlags.TransferAfterFailures);
        }

        if (department is null && dialog.Task != DialogTask.None)
        {
            flags.Add(CallFlags.HungUpMidTask);
        }

        if (slowest > SlowTurn.TotalMilliseconds)
        {
            flags.Add(CallFlags.SlowTurn);
        }

        if (session.HeardApology || turns.Any(t => t.AgentSpeech.StartsWith(ModelConversationEngine.Apology, StringComparison.Ordinal)))
        {
            flags.Add(CallFlags.ApologyFallback);
        }

        return new CallWrapUp
        {
            Outcome = outcomes.FirstOrDefault() ?? "nothing",
            Outcomes = outcomes,
            AppointmentIds = [.. dialog.Changes.Select(c => c.AppointmentId).Distinct(StringComparer.Ordinal)],
            Summary = Summarize(tenant, session, department),
            Flags = flags,
            SlowestTurnMilliseconds = slowest,
        };
    }

    /// <summary>Who called, what was done to the book (or that nothing was), and how it ended when that matters.</summary>
    private string Summarize(TenantProfile tenant, CallSession session, string? department)
    {
        var dialog = session.Dialog;
        var who = session.CustomerFirstName ?? dialog.CallerName ?? (session.CustomerId is null ? "A new caller" : "A customer");
        var summary = new StringBuilder(who).Append(" called");
        if (session.DurationSeconds is { } seconds)
        {
            summary.Append(CultureInfo.InvariantCulture, $" ({Duration(seconds)})");
        }

        summary.Append(". ");
        if (dialog.Changes.Count == 0)
        {
            summary.Append("Nothing was booked, moved or cancelled.");
        }
        else
        {
            summary.Append(string.Join("; ", dialog.Changes.Select((c, i) => Change(tenant, c, capitalised: i == 0)))).Append('.');
        }

        if (dialog.MessagesForStaff.Count > 0)
        {
            var message = dialog.MessagesForStaff[^1];
            summary.Append(" Left a message for staff: \"")
                .Append(message.Length > MaxMessageInSummary ? message[..MaxMessageInSummary] + "…" : message)
                .Append("\".");
        }

        if (department is not null)
        {
            summary.Append(" Handed to ").Append(department).Append('.');
        }
        else if (dialog.Task != DialogTask.None)
        {
            summary.Append(" Hung up while ").Append(Doing(dialog.Task)).Append('.');
        }

        return summary.ToString();
    }

    private string Change(TenantProfile tenant, CallChange change, bool capitalised)
    {
        var verb = change.Kind switch
        {
            ChangeKind.Booked => "booked",
            ChangeKind.Rescheduled => "moved",
            _ => "cancelled",
        };
        var preposition = change.Kind == ChangeKind.Rescheduled ? "to" : "for";
        var text = $"{verb} {Article(change.Service)} {change.Service} {preposition} {texts.When(tenant, change.Start)}";
        return capitalised ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }

    private static string Article(string service) => "aeiou".Contains(char.ToLowerInvariant(service[0]), StringComparison.Ordinal) ? "an" : "a";

    private static string Doing(DialogTask task) => task switch
    {
        DialogTask.Book => "booking",
        DialogTask.Cancel => "cancelling",
        DialogTask.Reschedule => "rescheduling",
        _ => "looking up appointments",
    };

    private static string Duration(int seconds) => seconds < 60
        ? string.Create(CultureInfo.InvariantCulture, $"{seconds} s")
        : string.Create(CultureInfo.InvariantCulture, $"{(seconds + 30) / 60} min");
}
