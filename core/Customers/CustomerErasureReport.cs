namespace VoiceAgent.Core.Customers;

/// <summary>What a deletion request removed or rewrote, per store; running it again finds the customer gone.</summary>
/// <param name="Calls">Call rows deleted (dialog, summary, messages for staff).</param>
/// <param name="Turns">Call turns deleted (the transcripts).</param>
/// <param name="Appointments">Appointments anonymised (kept, with their times and services).</param>
/// <param name="CalendarEvents">Calendar events rewritten without the customer.</param>
/// <param name="FollowUps">Follow-up outbox rows deleted.</param>
/// <param name="WorkflowInstances">Durable workflow instances purged with their histories.</param>
/// <param name="PhoneIndexEntries">Phone-index entries deleted.</param>
/// <param name="CustomerRecord">Whether the customer record (name, number, PIN hash, vehicles) was deleted.</param>
/// <param name="SmsOptOutsKept">The customer's numbers whose text opt-out is kept, so a STOP stays honoured (decision 0023).</param>
public sealed record CustomerErasureReport(
    string TenantId,
    int Calls,
    int Turns,
    int Appointments,
    int CalendarEvents,
    int FollowUps,
    int WorkflowInstances,
    int PhoneIndexEntries,
    bool CustomerRecord,
    int SmsOptOutsKept);
