using Microsoft.Extensions.Logging;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Calendars;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Messaging;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Workflows;

namespace VoiceAgent.Core.Customers;

/// <summary>
/// A customer's deletion request, for the staff of their shop: erases one customer's personal data in one tenant (decision
/// 0023). Their calls go with their transcripts, dialogs, summaries and messages for staff; their appointments stay, past and
/// future, without name, number or vehicle, and their calendar events are rewritten to match; their follow-up rows and
/// workflow histories go; the customer record and its phone index go last. A text opt-out is kept, so a STOP stays honoured.
/// Each step is idempotent and the record goes last, so a run that fails half-way is finished by running it again.
/// </summary>
public sealed partial class CustomerErasure(
    TenantStore tenants,
    CustomerStore customers,
    AppointmentStore appointments,
    CallSessionStore calls,
    FollowUpStore followUps,
    SmsOptOutStore optOuts,
    CalendarSync calendar,
    ILogger<CustomerErasure> logger)
{
    /// <summary>
    /// Erases the customer <paramref name="request"/> names in <paramref name="tenantId"/>; null (nothing changed) when the
    /// tenant or the customer is unknown. <paramref name="workflows"/> ends and purges their workflow instances; null where
    /// no workflow engine is at hand.
    /// </summary>
    /// <exception cref="CalendarUnavailableException">The calendar could not be rewritten; run the request again.</exception>
    public async Task<CustomerErasureReport?> EraseAsync(string tenantId, CustomerErasureRequest request, IWorkflowHistoryEraser? workflows, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(request);
        if (await tenants.FindAsync(tenantId, cancellationToken) is not { } tenant
            || await FindAsync(tenant.Id, request, cancellationToken) is not { } customer)
        {
            LogNotFound(logger, tenantId, PhoneNumber.Mask(request.Phone));
            return null;
        }

        var phones = (await customers.PhonesOfAsync(tenant.Id, customer.Id, cancellationToken)).Append(customer.PhoneNumber)
            .Where(p => !string.IsNullOrEmpty(p)).Distinct(StringComparer.Ordinal).ToList();
        var theirs = await appointments.ListAsync(tenant.Id, DateOnly.MinValue, DateOnly.MaxValue, customer.Id, cancellationToken);
        var ids = theirs.Select(a => a.Id).ToList();

        // Workflows first: none may read the appointment before it is anonymised and write the name somewhere after.
        var instances = workflows is null ? 0 : await workflows.EraseAsync(tenant, ids, cancellationToken);
        var outbox = await followUps.DeleteForAppointmentsAsync(tenant.Id, ids, cancellationToken);
        var events = 0;
        foreach (var appointment in theirs)
        {
            var anonymised = await appointments.AnonymiseAsync(appointment, cancellationToken);
            events += await calendar.RewriteAsync(tenant, anonymised, cancellationToken) ? 1 : 0;
        }

        var purge = await calls.PurgeCustomerCallsAsync(tenant.Id, customer.Id, phones, CallsOf(theirs), cancellationToken);

        // Anything the reminder sweep started in the meantime goes too.
        instances += workflows is null ? 0 : await workflows.EraseAsync(tenant, ids, cancellationToken);
        var optedOut = 0;
        foreach (var phone in phones)
        {
            optedOut += await optOuts.IsOptedOutAsync(tenant.Id, phone, cancellationToken) ? 1 : 0;
        }

        foreach (var appointment in theirs)
        {
            await appointments.DetachCustomerAsync(appointment, cancellationToken);
        }

        var (entries, record) = await customers.DeleteAsync(tenant.Id, customer.Id, phones, cancellationToken);
        var report = new CustomerErasureReport(tenant.Id, purge.Calls, purge.Turns, theirs.Count, events, outbox, instances, entries, record, optedOut);
        LogErased(logger, tenant.Id, PhoneNumber.Mask(customer.PhoneNumber), report.Calls, report.Turns, report.Appointments, report.CalendarEvents, report.WorkflowInstances);
        return report;
    }

    private async Task<Customer?> FindAsync(string tenantId, CustomerErasureRequest request, CancellationToken cancellationToken) =>
        request.CustomerId is { } id
            ? await customers.FindAsync(tenantId, id, cancellationToken)
            : await customers.FindByPhoneAsync(tenantId, request.Phone!, cancellationToken);

    /// <summary>The calls the appointments name: the one that booked each, and each reminder call placed for it.</summary>
    private static List<string> CallsOf(IEnumerable<Appointment> booked) =>
    [
        .. booked.SelectMany(a => new[] { a.CallSid, a.Reminder.CallSid }
            .Concat(a.Notices.Values.Where(n => n.Key.StartsWith("call-", StringComparison.Ordinal)).Select(n => n.Sid)))
            .OfType<string>()
            .Where(s => s.Length > 0)
            .Distinct(StringComparer.Ordinal),
    ];

    [LoggerMessage(EventId = 1701, Level = LogLevel.Information, Message = "Deletion request in tenant {TenantId}: no such customer ({Phone}); nothing changed")]
    private static partial void LogNotFound(ILogger logger, string tenantId, string phone);

    [LoggerMessage(EventId = 1702, Level = LogLevel.Information, Message = "Deletion request in tenant {TenantId}: customer {Phone} erased ({Calls} calls, {Turns} turns, {Appointments} appointments anonymised, {Events} calendar events rewritten, {Instances} workflow instances purged)")]
    private static partial void LogErased(ILogger logger, string tenantId, string phone, int calls, int turns, int appointments, int events, int instances);
}
