using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Conversation.Offline;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Vehicles;

using VoiceAgent.Core.Workflows;

namespace VoiceAgent.Core.Conversation.Tools;

/// <summary>
/// The agent's tools for one call, used by the offline engine and exposed to an LLM. They act only for the
/// verified caller: the customer matching the caller id, or the one the caller proved with a PIN, or the new
/// customer registered on this call. Nothing here takes a customer id from the conversation.
/// </summary>
public sealed class AgentTools
{
    public const int MaxPinAttempts = 3;

    private readonly SchedulingService _scheduling;
    private readonly CustomerStore _customers;
    private readonly IVinDecoder _vins;
    private readonly ConversationContext _context;
    private readonly DialogState _state;
    private Customer? _verified;

    internal AgentTools(SchedulingService scheduling, CustomerStore customers, IVinDecoder vins, ConversationContext context, DialogState state)
    {
        _scheduling = scheduling;
        _customers = customers;
        _vins = vins;
        _context = context;
        _state = state;
    }

    public TenantProfile Tenant => _context.Tenant;

    /// <summary>The verified customer, if any (read from storage once per turn).</summary>
    public async Task<Customer?> FindCustomerAsync(CancellationToken cancellationToken)
    {
        if (_state.CustomerId is not { } verified)
        {
            return _context.Customer;
        }

        if (_verified?.Id != verified)
        {
            _verified = await _customers.FindAsync(Tenant.Id, verified, cancellationToken);
        }

        return _verified;
    }

    public IReadOnlyList<ServiceOffering> ListServices() => Tenant.Services;

    public string BusinessInfo(string question) =>
        IntentClassifier.FindFaq(question, Tenant)?.Answer ?? HoursSpeech.Answer(Tenant, question, _context.Now);

    /// <summary>Whether a start is free; while the caller is moving an appointment, that appointment's own time does not count.</summary>
    public Task<SlotCheck> CheckAvailabilityAsync(ServiceOffering service, DateTimeOffset start, CancellationToken cancellationToken) =>
        _scheduling.CheckAsync(Tenant, service, start, cancellationToken, ignoring: _state.Task == DialogTask.Reschedule ? _state.AppointmentId : null);

    public Task<IReadOnlyList<DateTimeOffset>> FreeTimesAsync(ServiceOffering service, DateOnly day, TimeOnly? notBefore, TimeOnly? before, CancellationToken cancellationToken) =>
        _scheduling.FreeOnAsync(Tenant, service, day, notBefore, before, cancellationToken);

    public Task<IReadOnlyList<DateTimeOffset>> NextFreeTimesAsync(ServiceOffering service, DateOnly fromDay, int count, CancellationToken cancellationToken) =>
        _scheduling.NextFreeAsync(Tenant, service, fromDay, count, cancellationToken);

    /// <summary>Books for the verified customer; a new caller is registered under the caller id with the name they gave.</summary>
    public async Task<BookingResult> BookAppointmentAsync(ServiceOffering service, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var customer = await FindCustomerAsync(cancellationToken) ?? await RegisterCallerAsync(cancellationToken)
            ?? throw new InvalidOperationException("A booking needs a verified or registered caller.");
        var result = await _scheduling.BookAsync(Tenant, customer, service, start, customer.Vehicles.Count > 0 ? customer.Vehicles[0] : null, _context.CallSid, cancellationToken);
        if (result.Appointment is { } appointment)
        {
            _state.Booked.Add(appointment.Id);
            _state.Changes.Add(new CallChange(ChangeKind.Booked, appointment.Id, appointment.Service, appointment.Start));
        }

        return result;
    }

    public async Task<IReadOnlyList<Appointment>> ListMyAppointmentsAsync(CancellationToken cancellationToken) =>
        await FindCustomerAsync(cancellationToken) is { } customer
            ? await _scheduling.UpcomingAsync(Tenant, customer.Id, cancellationToken)
            : [];

    public async Task<Appointment?> CancelAppointmentAsync(string appointmentId, CancellationToken cancellationToken)
    {
        var cancelled = await FindCustomerAsync(cancellationToken) is { } customer
            ? await _scheduling.CancelAsync(Tenant, customer.Id, appointmentId, rescheduledTo: null, _context.CallSid, cancellationToken)
            : null;
        if (cancelled is not null)
        {
            _state.Changes.Add(new CallChange(ChangeKind.Cancelled, cancelled.Id, cancelled.Service, cancelled.Start));
        }

        return cancelled;
    }

    /// <summary>
    /// The verified caller confirms one of their own booked appointments (the answer to its reminder): no reminder call is
    /// made for it any more. Null when it is not theirs or no longer booked.
    /// </summary>
    public async Task<Appointment?> ConfirmAppointmentAsync(string appointmentId, CancellationToken cancellationToken) =>
        await FindCustomerAsync(cancellationToken) is { } customer
            ? await _scheduling.ConfirmReminderAsync(Tenant, customer.Id, appointmentId, cancellationToken)
            : null;

    public async Task<BookingResult> RescheduleAppointmentAsync(string appointmentId, DateTimeOffset newStart, CancellationToken cancellationToken)
    {
        var result = await FindCustomerAsync(cancellationToken) is { } customer
            ? await _scheduling.RescheduleAsync(Tenant, customer, appointmentId, newStart, _context.CallSid, cancellationToken)
            : BookingResult.NotFound();
        if (result.Appointment is { } moved)
        {
            _state.Changes.Add(new CallChange(ChangeKind.Rescheduled, moved.Id, moved.Service, moved.Start));
        }

        return result;
    }

    /// <summary>Verifies a PIN for the account on <paramref name="accountPhone"/>; the call then acts for that customer.</summary>
    public async Task<PinCheck> VerifyPinAsync(string accountPhone, string pin, CancellationToken cancellationToken)
    {
        if (_state.PinAttempts >= MaxPinAttempts)
        {
            return PinCheck.Locked;
        }

        _state.PinAttempts++;
        var customer = PhoneNumber.TryParse(accountPhone, Tenant.Region, out var phone)
            ? await _customers.FindByPhoneAsync(Tenant.Id, phone.E164, cancellationToken)
            : null;
        return await CheckPinAsync(customer is null ? [] : [customer.Id], pin, customer, cancellationToken);
    }

    /// <summary>
    /// Verifies a PIN for the account under the name the caller gave (from a phone not on file). The answer is the same
    /// whether or not the name is a customer's; only <see cref="PinCheck.NoPinOnAccount"/> says the name matched an
    /// account that a PIN cannot prove.
    /// </summary>
    public async Task<PinCheck> VerifyPinByNameAsync(string fullName, string pin, CancellationToken cancellationToken)
    {
        if (_state.PinAttempts >= MaxPinAttempts)
        {
            return PinCheck.Locked;
        }

        _state.PinAttempts++;
        var named = await _customers.FindByNameAsync(Tenant.Id, fullName, cancellationToken);
        if (named.Count > 0 && named.All(c => !c.HasPin))
        {
            return PinCheck.NoPinOnAccount;
        }

        return await CheckPinAsync([.. named.Where(c => c.HasPin).Select(c => c.CustomerId)], pin, known: null, cancellationToken);
    }

    /// <summary>
    /// The PIN against each candidate account (namesakes: the one it matches); the call then acts for that customer.
    /// <paramref name="known"/> is a candidate already read, so it is not read again.
    /// </summary>
    private async Task<PinCheck> CheckPinAsync(IReadOnlyList<string> candidates, string pin, Customer? known, CancellationToken cancellationToken)
    {
        var locked = false;
        foreach (var candidate in candidates)
        {
            var verification = await _customers.VerifyPinAsync(Tenant.Id, candidate, pin, _context.Now, cancellationToken);
            if (verification == PinVerification.Verified
                && (known?.Id == candidate ? known : await _customers.FindAsync(Tenant.Id, candidate, cancellationToken)) is { } customer)
            {
                _state.CustomerId = customer.Id;
                _verified = customer;
                return PinCheck.Verified;
            }

            locked |= verification == PinVerification.Locked;
        }

        if (locked && candidates.Count == 1)
        {
            _state.PinAttempts = MaxPinAttempts;
            return PinCheck.Locked;
        }

        return _state.PinAttempts >= MaxPinAttempts ? PinCheck.Locked : PinCheck.Wrong;
    }

    /// <summary>Checks and decodes a VIN (typed or spoken); null with the problem when it is not a valid VIN.</summary>
    public async Task<(VinDecoding? Decoding, VinProblem Problem)> DecodeVinAsync(string vin, CancellationToken cancellationToken)
    {
        if (!Vin.TryParse(vin, out var parsed, out var problem))
        {
            return (null, problem);
        }

        return (await _vins.DecodeAsync(parsed, null, cancellationToken), VinProblem.None);
    }

    /// <summary>
    /// The car the caller's bookings on this call are for: added to the verified customer's vehicles unless already on
    /// file, and put on those appointments. The vehicle as kept, or null when there is no verified caller.
    /// </summary>
    public async Task<Vehicle?> SaveVehicleAsync(Vehicle vehicle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vehicle);
        if (await FindCustomerAsync(cancellationToken) is not { } customer)
        {
            return null;
        }

        var kept = customer.Vehicles.FirstOrDefault(v => IsSameVehicle(v, vehicle));
        if (kept is null)
        {
            kept = vehicle;
            var updated = customer with { Vehicles = [.. customer.Vehicles, vehicle] };
            await _customers.SaveAsync(updated, cancellationToken);
            _verified = _state.CustomerId is null ? _verified : updated;
        }

        foreach (var appointmentId in _state.Booked)
        {
            await _scheduling.SetVehicleAsync(Tenant, customer.Id, appointmentId, kept, cancellationToken);
        }

        return kept;
    }

    /// <summary>True when a new caller has given their name (needed to register them).</summary>
    public bool HasCallerName => !string.IsNullOrWhiteSpace(_state.CallerName);

    /// <summary>Records the name a new caller gave.</summary>
    public string SetCallerName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _state.CallerName = name.Trim().Length > 80 ? name.Trim()[..80] : name.Trim();
        return $"Name recorded: {_state.CallerName}.";
    }

    /// <summary>Leaves a message for the staff on this call's record.</summary>
    public void TakeMessage(string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        _state.MessagesForStaff.Add(message.Length > 1000 ? message[..1000] : message);
    }

    public TransferTarget? TransferToHuman(string? department) =>
        (department is null ? null : IntentClassifier.FindDepartment(department, Tenant)) ?? Tenant.DefaultTransferTarget;

    /// <summary>The same VIN, or, without two VINs to compare, the same year, make and model.</summary>
    private static bool IsSameVehicle(Vehicle onFile, Vehicle given) =>
        !string.IsNullOrEmpty(onFile.Vin) && !string.IsNullOrEmpty(given.Vin)
            ? string.Equals(onFile.Vin, given.Vin, StringComparison.OrdinalIgnoreCase)
            : onFile.Year == given.Year
              && string.Equals(onFile.Make, given.Make, StringComparison.OrdinalIgnoreCase)
              && string.Equals(onFile.Model, given.Model, StringComparison.OrdinalIgnoreCase);

    private async Task<Customer?> RegisterCallerAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_state.CallerName) || string.IsNullOrEmpty(_context.CallerNumber))
        {
            return null;
        }

        var names = _state.CallerName.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var customer = new Customer
        {
            Id = "cust-" + Guid.NewGuid().ToString("N")[..12],
            TenantId = Tenant.Id,
            FirstName = names[0],
            LastName = names.Length > 1 ? names[1] : string.Empty,
            PhoneNumber = _context.CallerNumber,
        };
        await _customers.SaveAsync(customer, cancellationToken);
        _state.CustomerId = customer.Id;
        _verified = customer;
        return customer;
    }
}
