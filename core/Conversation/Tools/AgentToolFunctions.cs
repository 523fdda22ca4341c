using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.AI;
using VoiceAgent.Core.Conversation.Offline;
using VoiceAgent.Core.Conversation.Tools.Results;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Conversation.Tools;

/// <summary>
/// The call's <see cref="AgentTools"/> as <see cref="AIFunction"/>s for an LLM. Dates and times are the shop's local
/// time (<c>yyyy-MM-dd</c>, <c>HH:mm</c>); results are small records the model can read. Every function acts for the
/// verified caller only: no function takes a customer id or a phone number to act for.
/// </summary>
public static class AgentToolFunctions
{
    public static IReadOnlyList<AIFunction> Create(AgentTools tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        var tenant = tools.Tenant;
        return
        [
            AIFunctionFactory.Create(
                async (CancellationToken ct) => await tools.FindCustomerAsync(ct) is { } c
                    ? new CustomerInfo(true, c.FullName, [.. c.Vehicles.Select(v => v.Describe())])
                    : new CustomerInfo(false, null, []),
                "find_customer",
                "Who the verified caller is: their name and vehicles, or known=false for a new caller."),
            AIFunctionFactory.Create(
                () => tools.ListServices().Select(s => new ServiceInfo(s.Name, s.DurationMinutes, s.Price)).ToList(),
                "list_services",
                "The services the shop books, with duration in minutes and price when known."),
            AIFunctionFactory.Create(
                async ([Description("Service name from list_services")] string service,
                       [Description("Local date, yyyy-MM-dd")] string date,
                       [Description("Local time HH:mm; omit to list the free times that day")] string? time,
                       CancellationToken ct) =>
                {
                    if (Resolve(tenant, service) is not { } offering || !TryDate(date, out var day))
                    {
                        return new AvailabilityInfo("invalid", null, [], "Unknown service or a date not in yyyy-MM-dd form.");
                    }

                    if (time is null)
                    {
                        var free = await tools.FreeTimesAsync(offering, day, null, null, ct);
                        return new AvailabilityInfo(free.Count > 0 ? "free_times" : "none_free", null, [.. free.Select(s => Local(tenant, s))], null);
                    }

                    if (!TryTime(time, out var at))
                    {
                        return new AvailabilityInfo("invalid", null, [], "The time must be HH:mm.");
                    }

                    var check = await tools.CheckAvailabilityAsync(offering, tenant.Time.At(day, at), ct);
                    return new AvailabilityInfo(check.Status.ToString(), Local(tenant, check.Requested), [.. check.Alternatives.Select(s => Local(tenant, s))], null);
                },
                "check_availability",
                "Whether a service can be booked at a local date and time; when not, why (TooSoon, ClosedDay, OutsideHours, Full, …) and the nearest free times."),
            AIFunctionFactory.Create(
                async ([Description("Service name from list_services")] string service,
                       [Description("Local start, yyyy-MM-ddTHH:mm")] string start,
                       CancellationToken ct) =>
                {
                    if (Resolve(tenant, service) is not { } offering || !TryStart(tenant, start, out var at))
                    {
                        return new ChangeInfo(false, null, null, "Unknown service or a start not in yyyy-MM-ddTHH:mm form.", []);
                    }

                    if (await tools.FindCustomerAsync(ct) is null && !tools.HasCallerName)
                    {
                        return new ChangeInfo(false, null, null, "Ask the caller's name first (set_caller_name).", []);
                    }

                    var result = await tools.BookAppointmentAsync(offering, at, ct);
                    return Describe(tenant, result);
                },
                "book_appointment",
                "Books a service for the verified caller at a local start. Read the booking back and get a yes before calling this."),
            AIFunctionFactory.Create(
                ([Description("The caller's full name as they gave it")] string name) => tools.SetCallerName(name),
                "set_caller_name",
                "Records a new caller's name, needed before booking for a caller who is not on file."),
            AIFunctionFactory.Create(
                async (CancellationToken ct) => (await tools.ListMyAppointmentsAsync(ct)).Select(a => new AppointmentInfo(a.Id, a.Service, Local(tenant, a.Start))).ToList(),
                "list_my_appointments",
                "The verified caller's upcoming appointments (only theirs)."),
            AIFunctionFactory.Create(
                async ([Description("appointmentId from list_my_appointments")] string appointmentId, CancellationToken ct) =>
                    await tools.CancelAppointmentAsync(appointmentId, ct) is { } cancelled
                        ? new ChangeInfo(true, cancelled.Id, Local(tenant, cancelled.Start), null, [])
                        : new ChangeInfo(false, null, null, "No such upcoming appointment for this caller.", []),
                "cancel_appointment",
                "Cancels one of the verified caller's own appointments. Confirm with the caller first."),
            AIFunctionFactory.Create(
                async ([Description("appointmentId from list_my_appointments")] string appointmentId, CancellationToken ct) =>
                    await tools.ConfirmAppointmentAsync(appointmentId, ct) is { } confirmed
                        ? new ChangeInfo(true, confirmed.Id, Local(tenant, confirmed.Start), null, [])
                        : new ChangeInfo(false, null, null, "No such upcoming appointment for this caller.", []),
                "confirm_appointment",
                "Records that the verified caller will come to one of their own appointments (the answer to its reminder)."),
            AIFunctionFactory.Create(
                async ([Description("appointmentId from list_my_appointments")] string appointmentId,
                       [Description("New local start, yyyy-MM-ddTHH:mm")] string newStart,
                       CancellationToken ct) =>
                    TryStart(tenant, newStart, out var at)
                        ? Describe(tenant, await tools.RescheduleAppointmentAsync(appointmentId, at, ct))
                        : new ChangeInfo(false, null, null, "The new start must be yyyy-MM-ddTHH:mm.", []),
                "reschedule_appointment",
                "Moves one of the verified caller's own appointments to a new local start. Confirm with the caller first."),
            AIFunctionFactory.Create(
                async (
                    [Description("4 to 6 digit PIN")] string pin,
                    CancellationToken ct,
                    [Description("Phone number on the caller's account, if they gave one")] string? accountPhone = null,
                    [Description("The caller's full name, if they gave no account phone number")] string? fullName = null) =>
                    (string.IsNullOrWhiteSpace(accountPhone)
                        ? await tools.VerifyPinByNameAsync(fullName ?? string.Empty, pin, ct)
                        : await tools.VerifyPinAsync(accountPhone, pin, ct)).ToString(),
                "verify_pin",
                "For a caller phoning from another number: verifies the PIN of the account on the phone number they give, or under the full name they give. "
                + "Ask for \"the phone number on your account, or your PIN\" in the same words whether or not a name was given, and never say whether a name is a customer. "
                + "Returns Verified, Wrong, Locked (then transfer) or NoPinOnAccount (cannot be verified by phone: offer a message or a transfer)."),
            AIFunctionFactory.Create(
                async ([Description("The 17-character VIN, typed or as spoken")] string vin, CancellationToken ct) =>
                {
                    var (decoding, problem) = await tools.DecodeVinAsync(vin, ct);
                    return decoding is null
                        ? new VinInfo(false, null, problem.ToString())
                        : new VinInfo(true, decoding.Describe(), string.Join(" ", decoding.Notes));
                },
                "decode_vin",
                "Checks a VIN (check digit) and says what vehicle it is."),
            AIFunctionFactory.Create(
                ([Description("Department, e.g. 'parts'; omit for the service desk")] string? department) =>
                    tools.TransferToHuman(department) is { } target ? new TransferInfo(true, target.Department) : new TransferInfo(false, null),
                "transfer_to_human",
                "Hands the call to a person in a department."),
            AIFunctionFactory.Create(
                ([Description("The message for the shop staff")] string message) =>
                {
                    tools.TakeMessage(message);
                    return "Message recorded for the staff.";
                },
                "take_message",
                "Leaves a message for the staff, e.g. outside business hours."),
            AIFunctionFactory.Create(
                ([Description("The caller's question, e.g. 'what time do you close on Saturday'")] string question) => tools.BusinessInfo(question),
                "business_info",
                "Opening hours, address and prices from the shop's own answers."),
        ];
    }

    private static ChangeInfo Describe(TenantProfile tenant, BookingResult result) => result switch
    {
        { Appointment: { } a } => new ChangeInfo(true, a.Id, Local(tenant, a.Start), null, []),
        { Refusal: { } r } => new ChangeInfo(false, null, null, r.Status.ToString(), [.. r.Alternatives.Select(s => Local(tenant, s))]),
        _ => new ChangeInfo(false, null, null, "No such upcoming appointment for this caller.", []),
    };

    private static ServiceOffering? Resolve(TenantProfile tenant, string service) =>
        ServiceMatcher.ByName(service, tenant) ?? ServiceMatcher.Find(service, tenant);

    private static string Local(TenantProfile tenant, DateTimeOffset instant) =>
        tenant.Time.Local(instant).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);

    private static bool TryDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static bool TryTime(string value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static bool TryStart(TenantProfile tenant, string value, out DateTimeOffset start)
    {
        start = default;
        if (!DateTime.TryParseExact(value, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        start = tenant.Time.At(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
        return true;
    }
}
