using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.AI;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Conversation.Offline;
using VoiceAgent.Core.Conversation.Tools;
using VoiceAgent.Core.Conversation.Tools.Results;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Conversation.Llm;

/// <summary>
/// The call's <see cref="AgentTools"/> as <see cref="AIFunction"/>s for the model. Dates and times are the shop's local
/// time (<c>yyyy-MM-dd</c>, <c>HH:mm</c>). Every function acts for the verified caller only: none takes a customer id or
/// a phone number to act for, and an appointment id that is not the caller's is simply not found. Bookings, moves and
/// cancellations take two calls (<see cref="ModelTurn.CheckWrite"/>): the first is read back, the second, after the
/// caller's own yes, writes. Each tool keeps the structured call state (<see cref="DialogState"/>) current, so the
/// offline engine can carry on from it.
/// </summary>
public static class ModelTools
{
    public const string EndCall = "end_call";

    /// <summary>Free times kept as offered, for the offline engine to pick from ("the second one").</summary>
    private const int MaxOffered = 3;

    public static IReadOnlyList<AIFunction> Create(AgentTools tools, DialogState state, ModelTurn turn, ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(context);
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
                ([Description("Service name from list_services")] string service,
                 [Description("Local date, yyyy-MM-dd")] string date,
                 CancellationToken ct,
                 [Description("Local time HH:mm; omit to list the free times that day")] string? time = null) => CheckAvailabilityAsync(tools, state, turn, service, date, time, ct),
                "check_availability",
                "Whether a service can be booked at a local date and time; when not, why (TooSoon, ClosedDay, OutsideHours, Full, …) and the nearest free times."),
            AIFunctionFactory.Create(
                ([Description("Service name from list_services")] string service,
                 [Description("Local start, yyyy-MM-ddTHH:mm")] string start,
                 CancellationToken ct) => BookAsync(tools, state, turn, service, start, ct),
                "book_appointment",
                "Books a service for the verified caller. The first call writes nothing and returns readBack: say it and ask. "
                + "Only after the caller says yes, call it again with the same arguments to book."),
            AIFunctionFactory.Create(
                ([Description("The caller's full name as they gave it")] string name) => tools.SetCallerName(name),
                "set_caller_name",
                "Records a new caller's name, needed before booking for a caller who is not on file."),
            AIFunctionFactory.Create(
                async (CancellationToken ct) =>
                {
                    var mine = await tools.ListMyAppointmentsAsync(ct);
                    state.Listed = [.. mine.Select(a => a.Id)];
                    return mine.Select(a => new AppointmentInfo(a.Id, a.Service, Local(tenant, a.Start))).ToList();
                },
                "list_my_appointments",
                "The verified caller's upcoming appointments (only theirs)."),
            AIFunctionFactory.Create(
                ([Description("appointmentId from list_my_appointments")] string appointmentId, CancellationToken ct) =>
                    CancelAsync(tools, state, turn, appointmentId, ct),
                "cancel_appointment",
                "Cancels one of the verified caller's own appointments. The first call writes nothing and returns readBack: say it and ask. "
                + "Only after the caller says yes, call it again with the same id to cancel."),
            AIFunctionFactory.Create(
                async ([Description("appointmentId from list_my_appointments")] string appointmentId, CancellationToken ct) =>
                    await tools.ConfirmAppointmentAsync(appointmentId, ct) is { } confirmed
                        ? new WriteInfo("confirmed", AppointmentId: confirmed.Id, Start: Local(tenant, confirmed.Start))
                        : new WriteInfo("not_found", Note: "No such upcoming appointment for this caller."),
                "confirm_appointment",
                "Records that the verified caller will come to one of their own appointments (the answer to its reminder)."),
            AIFunctionFactory.Create(
                ([Description("appointmentId from list_my_appointments")] string appointmentId,
                 [Description("New local start, yyyy-MM-ddTHH:mm")] string newStart,
                 CancellationToken ct) => RescheduleAsync(tools, state, turn, appointmentId, newStart, ct),
                "reschedule_appointment",
                "Moves one of the verified caller's own appointments to a new local start. The first call writes nothing and returns readBack: "
                + "say it and ask. Only after the caller says yes, call it again with the same arguments to move it."),
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
                ([Description("Department, e.g. 'parts'; omit for the service desk")] string? department = null) =>
                {
                    turn.Transfer = tools.TransferToHuman(department);
                    return turn.Transfer is { } target ? new TransferInfo(true, target.Department) : new TransferInfo(false, null);
                },
                "transfer_to_human",
                "Hands the call to a person in a department after your reply. Say who you are connecting them to."),
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
            AIFunctionFactory.Create(
                () =>
                {
                    turn.EndsCall = true;
                    return "The call ends after your reply. Say goodbye.";
                },
                EndCall,
                "Ends the call after your reply, when the caller is done."),
        ];
    }

    private static async Task<AvailabilityInfo> CheckAvailabilityAsync(AgentTools tools, DialogState state, ModelTurn turn, string service, string date, string? time, CancellationToken ct)
    {
        var tenant = tools.Tenant;
        if (Resolve(tenant, service) is not { } offering || !TryDate(date, out var day))
        {
            return new AvailabilityInfo("invalid", null, [], "Unknown service or a date not in yyyy-MM-dd form.");
        }

        if (state.Task != DialogTask.Reschedule)
        {
            state.Task = DialogTask.Book;
        }

        state.Service = offering.Name;
        state.Date = day;
        state.Stage = DialogStage.AwaitTime;
        turn.ChangedCallState = true;
        if (string.IsNullOrWhiteSpace(time))
        {
            var free = await tools.FreeTimesAsync(offering, day, null, null, ct);
            state.Time = null;
            state.Proposed = null;
            state.Offered = [.. free.Take(MaxOffered)];
            return new AvailabilityInfo(free.Count > 0 ? "free_times" : "none_free", null, [.. free.Select(s => Local(tenant, s))], null);
        }

        if (!TryTime(time, out var at))
        {
            return new AvailabilityInfo("invalid", null, [], "The time must be HH:mm.");
        }

        state.Time = at;
        var check = await tools.CheckAvailabilityAsync(offering, tenant.Time.At(day, at), ct);
        state.Proposed = check.Status == SlotStatus.Free ? check.Requested : null;
        state.Offered = [.. check.Alternatives];
        return new AvailabilityInfo(check.Status.ToString(), Local(tenant, check.Requested), [.. check.Alternatives.Select(s => Local(tenant, s))], null);
    }

    private static async Task<WriteInfo> BookAsync(AgentTools tools, DialogState state, ModelTurn turn, string service, string start, CancellationToken ct)
    {
        var tenant = tools.Tenant;
        if (Resolve(tenant, service) is not { } offering || !TryStart(tenant, start, out var at))
        {
            return new WriteInfo("invalid", Note: "Unknown service or a start not in yyyy-MM-ddTHH:mm form.");
        }

        var customer = await tools.FindCustomerAsync(ct);
        if (customer is null && !tools.HasCallerName)
        {
            return new WriteInfo("invalid", Note: "Ask the caller's name first (set_caller_name).");
        }

        var check = turn.CheckWrite("book_appointment", $"{offering.Name}|{start}", [ReadBackWords.Hour(tenant.Time.TimeOf(at))]);
        if (check == WriteCheck.Declined)
        {
            return Declined();
        }

        if (check == WriteCheck.Allowed)
        {
            var result = await tools.BookAppointmentAsync(offering, at, ct);
            if (result.Appointment is { } booked)
            {
                state.Focus(booked.Id, tenant.Time.DayOf(booked.Start), tenant.Time.TimeOf(booked.Start), booked.Service);
                state.ClearTask();
                turn.Done.Add(DialogPrompts.BookedSentence(SlotSpeech.Appointment(tenant, booked)));
                return new WriteInfo("booked", AppointmentId: booked.Id, Start: Local(tenant, booked.Start));
            }

            return Refused(tenant, state, result);
        }

        // Nothing is read back that cannot be booked.
        var slot = await tools.CheckAvailabilityAsync(offering, at, ct);
        state.Task = DialogTask.Book;
        state.Service = offering.Name;
        state.Date = tenant.Time.DayOf(at);
        state.Time = tenant.Time.TimeOf(at);
        if (slot.Status != SlotStatus.Free)
        {
            turn.Withdraw();
            state.Proposed = null;
            state.Offered = [.. slot.Alternatives];
            state.Stage = DialogStage.AwaitTime;
            return new WriteInfo("refused", Reason: slot.Status.ToString(), Alternatives: [.. slot.Alternatives.Select(s => Local(tenant, s))]);
        }

        state.Proposed = at;
        state.Offered = [];
        state.Stage = DialogStage.AwaitConfirmation;
        var vehicle = customer?.Vehicles.Count == 1 ? customer.Vehicles[0].Describe() : null;
        var readBack = DialogPrompts.BookReadBack(offering.Name, SlotSpeech.When(tenant, at), vehicle, customer is null ? state.CallerName : null, []);
        return check == WriteCheck.AwaitingAnswer ? NeedsYes(readBack) : ReadBack(readBack);
    }

    private static async Task<WriteInfo> CancelAsync(AgentTools tools, DialogState state, ModelTurn turn, string appointmentId, CancellationToken ct)
    {
        var tenant = tools.Tenant;
        if (await FindMineAsync(tools, appointmentId, ct) is not { } appointment)
        {
            return NotFound();
        }

        var check = turn.CheckWrite("cancel_appointment", appointment.Id, [ReadBackWords.Hour(tenant.Time.TimeOf(appointment.Start))]);
        if (check == WriteCheck.Declined)
        {
            return Declined();
        }

        if (check == WriteCheck.Allowed)
        {
            if (await tools.CancelAppointmentAsync(appointment.Id, ct) is not { } cancelled)
            {
                return NotFound();
            }

            state.ClearTask();
            state.Unfocus();
            turn.Done.Add(DialogPrompts.CancelledSentence(cancelled.Service, SlotSpeech.When(tenant, cancelled.Start)));
            return new WriteInfo("cancelled", AppointmentId: cancelled.Id, Start: Local(tenant, cancelled.Start));
        }

        state.Task = DialogTask.Cancel;
        state.AppointmentId = appointment.Id;
        state.Service = appointment.Service;
        state.Stage = DialogStage.AwaitConfirmation;
        var readBack = DialogPrompts.CancelReadBack(appointment.Service, SlotSpeech.When(tenant, appointment.Start));
        return check == WriteCheck.AwaitingAnswer ? NeedsYes(readBack) : ReadBack(readBack);
    }

    private static async Task<WriteInfo> RescheduleAsync(AgentTools tools, DialogState state, ModelTurn turn, string appointmentId, string newStart, CancellationToken ct)
    {
        var tenant = tools.Tenant;
        if (!TryStart(tenant, newStart, out var at))
        {
            return new WriteInfo("invalid", Note: "The new start must be yyyy-MM-ddTHH:mm.");
        }

        if (await FindMineAsync(tools, appointmentId, ct) is not { } appointment)
        {
            return NotFound();
        }

        var check = turn.CheckWrite("reschedule_appointment", $"{appointment.Id}|{newStart}", [ReadBackWords.Hour(tenant.Time.TimeOf(at))]);
        if (check == WriteCheck.Declined)
        {
            return Declined();
        }

        if (check == WriteCheck.Allowed)
        {
            var result = await tools.RescheduleAppointmentAsync(appointment.Id, at, ct);
            if (result.Appointment is { } moved)
            {
                state.Focus(moved.Id, tenant.Time.DayOf(moved.Start), tenant.Time.TimeOf(moved.Start), moved.Service);
                state.ClearTask();
                turn.Done.Add(DialogPrompts.MovedSentence(moved.Service, SlotSpeech.When(tenant, moved.Start)));
                return new WriteInfo("moved", AppointmentId: moved.Id, Start: Local(tenant, moved.Start));
            }

            return Refused(tenant, state, result);
        }

        // The appointment's own time does not count against the move (AgentTools ignores it while rescheduling).
        state.Task = DialogTask.Reschedule;
        state.AppointmentId = appointment.Id;
        state.Service = appointment.Service;
        state.Date = tenant.Time.DayOf(at);
        state.Time = tenant.Time.TimeOf(at);
        var service = ServiceMatcher.ByName(appointment.Service, tenant);
        var slot = service is null ? null : await tools.CheckAvailabilityAsync(service, at, ct);
        if (slot is null || slot.Status != SlotStatus.Free)
        {
            turn.Withdraw();
            state.Proposed = null;
            state.Offered = slot is null ? [] : [.. slot.Alternatives];
            state.Stage = DialogStage.AwaitTime;
            return new WriteInfo("refused", Reason: slot?.Status.ToString() ?? "UnknownService", Alternatives: slot is null ? [] : [.. slot.Alternatives.Select(s => Local(tenant, s))]);
        }

        state.Proposed = at;
        state.Offered = [];
        state.Stage = DialogStage.AwaitConfirmation;
        var readBack = DialogPrompts.MoveReadBack(appointment.Service, SlotSpeech.When(tenant, appointment.Start), SlotSpeech.When(tenant, at));
        return check == WriteCheck.AwaitingAnswer ? NeedsYes(readBack) : ReadBack(readBack);
    }

    private static async Task<Appointment?> FindMineAsync(AgentTools tools, string appointmentId, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(appointmentId)
            ? null
            : (await tools.ListMyAppointmentsAsync(ct)).FirstOrDefault(a => string.Equals(a.Id, appointmentId.Trim(), StringComparison.Ordinal));

    private static WriteInfo ReadBack(string readBack) =>
        new("read_back", ReadBack: readBack, Note: "Nothing is written yet. Say this to the caller and ask. Call the same tool with the same arguments only after they say yes.");

    private static WriteInfo NeedsYes(string readBack) =>
        new("needs_yes", ReadBack: readBack, Note: "Nothing is written. The caller has not answered this read-back yet: ask them and wait.");

    private static WriteInfo Declined() =>
        new("declined", Note: "The caller did not say yes to this read-back. Nothing is written. Ask what they would like instead.");

    private static WriteInfo NotFound() => new("not_found", Note: "No such upcoming appointment for this caller.");

    private static WriteInfo Refused(TenantProfile tenant, DialogState state, BookingResult result)
    {
        if (result.Refusal is { } refusal)
        {
            state.Proposed = null;
            state.Offered = [.. refusal.Alternatives];
            state.Stage = DialogStage.AwaitTime;
            return new WriteInfo("refused", Reason: refusal.Status.ToString(), Alternatives: [.. refusal.Alternatives.Select(s => Local(tenant, s))]);
        }

        state.ClearTask();
        return NotFound();
    }

    private static ServiceOffering? Resolve(TenantProfile tenant, string service) =>
        ServiceMatcher.ByName(service, tenant) ?? ServiceMatcher.Find(service, tenant);

    private static string Local(TenantProfile tenant, DateTimeOffset instant) =>
        tenant.Time.Local(instant).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

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
