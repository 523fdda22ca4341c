using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Staff;

namespace VoiceAgent.Core.Tenants.Profiles;

/// <summary>What applying a profile did.</summary>
public enum ApplyOutcome
{
    Created,
    Updated,
    /// <summary>The stored tenant already matched the profile; nothing was written.</summary>
    Unchanged,
    /// <summary>Nothing was written: see <see cref="TenantApplyResult.Problems"/>.</summary>
    Refused,
}

/// <summary>
/// The outcome of <see cref="TenantProfileApplier.ApplyAsync"/>: problems when refused, and the future appointments the new
/// profile would not allow (kept as booked; the shop should call those customers).
/// </summary>
public sealed record TenantApplyResult(ApplyOutcome Outcome, IReadOnlyList<TenantProfileProblem> Problems, IReadOnlyList<Appointment> NoLongerAllowed)
{
    public static TenantApplyResult Refused(IReadOnlyList<TenantProfileProblem> problems) => new(ApplyOutcome.Refused, problems, []);
}

/// <summary>
/// Creates or updates a tenant from its profile (<c>tools/tenant apply</c>): refuses a number or a staff member another
/// tenant owns and a time-zone change while future appointments exist (their keys hold the local day); writes nothing for
/// an unchanged profile; never touches customers or appointments; keeps the number map and the staff directory in step.
/// </summary>
public sealed class TenantProfileApplier(TenantStore tenants, AppointmentStore appointments, StaffDirectory staff, TimeProvider time)
{
    /// <summary>How far ahead future appointments are looked for (past the longest booking horizon the schema allows).</summary>
    private const int LookAheadDays = 400;

    public async Task<TenantApplyResult> ApplyAsync(TenantProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var problems = new List<TenantProfileProblem>();
        for (var i = 0; i < profile.Numbers.Count; i++)
        {
            var owner = await tenants.FindTenantIdByNumberAsync(profile.Numbers[i], cancellationToken);
            if (owner is not null && owner != profile.Id)
            {
                problems.Add(new($"numbers[{i}]", $"{profile.Numbers[i]} already reaches tenant '{owner}'; deactivate it there or remove it from that profile first"));
            }
        }

        for (var i = 0; i < profile.Staff.Count; i++)
        {
            var employer = await staff.FindTenantAsync(profile.Staff[i], cancellationToken);
            if (employer is not null && employer != profile.Id)
            {
                problems.Add(new($"staff[{i}]", $"'{profile.Staff[i]}' already signs in to tenant '{employer}'; one person works for one shop"));
            }
        }

        var stored = await tenants.FindStoredAsync(profile.Id, cancellationToken);
        IReadOnlyList<Appointment>? future = null;
        if (stored is not null && stored.Profile.TimeZoneId != profile.TimeZoneId)
        {
            future = await FutureAppointmentsAsync(stored.Profile, cancellationToken);
            if (future.Count > 0)
            {
                problems.Add(new("time_zone", $"cannot change from {stored.Profile.TimeZoneId} to {profile.TimeZoneId} while {future.Count} future appointment(s) exist: " +
                    "their keys hold the local day. Move or cancel them first, or keep the zone"));
            }
        }

        if (problems.Count > 0)
        {
            return TenantApplyResult.Refused(problems);
        }

        var currentStaff = await staff.ListForTenantAsync(profile.Id, cancellationToken);
        if (stored is not null && await MatchesAsync(stored, profile, currentStaff, cancellationToken))
        {
            return new TenantApplyResult(ApplyOutcome.Unchanged, [], []);
        }

        future ??= stored is null ? [] : await FutureAppointmentsAsync(stored.Profile, cancellationToken);

        await tenants.SaveAsync(profile, cancellationToken);
        foreach (var dropped in stored?.Profile.Numbers.Except(profile.Numbers, StringComparer.Ordinal) ?? [])
        {
            await tenants.UnmapNumberAsync(dropped, profile.Id, cancellationToken);
        }

        foreach (var user in profile.Staff.Except(currentStaff, StringComparer.Ordinal))
        {
            await staff.AddAsync(user, profile.Id, cancellationToken);
        }

        foreach (var user in currentStaff.Except(profile.Staff, StringComparer.Ordinal))
        {
            await staff.RemoveAsync(user, cancellationToken);
        }

        return new TenantApplyResult(stored is null ? ApplyOutcome.Created : ApplyOutcome.Updated, [], [.. future.Where(a => !Allows(profile, a))]);
    }

    private async Task<bool> MatchesAsync(StoredTenant stored, TenantProfile profile, IReadOnlyList<string> currentStaff, CancellationToken cancellationToken)
    {
        if (!stored.Active || stored.Json != Storage.StorageJson.Serialize(profile) || !currentStaff.Order(StringComparer.Ordinal).SequenceEqual(profile.Staff.Order(StringComparer.Ordinal)))
        {
            return false;
        }

        foreach (var number in profile.Numbers)
        {
            if (await tenants.FindTenantIdByNumberAsync(number, cancellationToken) != profile.Id)
            {
                return false;
            }
        }

        return true;
    }

    private async Task<IReadOnlyList<Appointment>> FutureAppointmentsAsync(TenantProfile tenant, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = tenant.Time.Today(now);
        var all = await appointments.ListAsync(tenant.Id, today, today.AddDays(LookAheadDays), customerId: null, cancellationToken);
        return [.. all.Where(a => a.Status == AppointmentStatus.Booked && a.Start > now)];
    }

    /// <summary>
    /// Whether the profile's services and hours would still let this appointment be booked as it is: the same opening-hours
    /// check a booking gets (<see cref="OpeningCalendar.Check"/>, DST and midnight closing included). A start off a new
    /// slot grid still counts as allowed: the shop can keep it.
    /// </summary>
    internal static bool Allows(TenantProfile profile, Appointment appointment)
    {
        if (!profile.Services.Any(s => string.Equals(s.Name, appointment.Service, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var status = new OpeningCalendar(profile, profile.Booking, profile.Time).Check(appointment.Start.UtcTicks, (appointment.End - appointment.Start).Ticks);
        return status is not (SlotStatus.ClosedDay or SlotStatus.OutsideHours);
    }
}
