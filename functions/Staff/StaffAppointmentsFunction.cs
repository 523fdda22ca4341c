using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Staff;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Functions.Staff;

/// <summary>
/// Read API for shop staff: the appointment book of their own tenant, by local date range. Staff sign in (Entra ID
/// behind App Service authentication, or a local dev token); a sign-in for another tenant gets 403 and nothing else.
/// </summary>
public sealed class StaffAppointmentsFunction(StaffTenantGate gate, AppointmentStore appointments, TimeProvider time)
{
    public const int MaxRangeDays = 62;

    [Function("StaffAppointments")]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tenants/{tenantId}/appointments")] HttpRequest request,
        string tenantId)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var access = await gate.OpenAsync(request, tenantId);
        if (access.Tenant is not { } tenant)
        {
            return access.Refusal!;
        }

        var today = tenant.Time.Today(time.GetUtcNow());
        if (!TryReadDate(request.Query["from"], today, out var first) || !TryReadDate(request.Query["to"], first.AddDays(7), out var last))
        {
            return TypedResults.Problem(title: "Invalid date", detail: "from and to are dates in the form yyyy-MM-dd.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (last < first || last.DayNumber - first.DayNumber > MaxRangeDays)
        {
            return TypedResults.Problem(title: "Invalid range", detail: $"to must be on or after from, at most {MaxRangeDays} days later.", statusCode: StatusCodes.Status400BadRequest);
        }

        var book = await appointments.ListAsync(tenant.Id, first, last, customerId: null, cancellationToken);
        IReadOnlyList<AppointmentView> views = [.. book.Select(a => new AppointmentView(
            a.Id,
            a.Service,
            tenant.Time.Local(a.Start),
            tenant.Time.Local(a.End),
            a.Status.ToString(),
            a.CustomerName,
            a.CustomerPhone,
            a.Vehicle?.Describe(),
            a.Channel,
            a.CallSid,
            new AppointmentReminderView(
                a.Reminder.Outcome.ToString().ToLowerInvariant(),
                a.Reminder.Attempts,
                a.Reminder.NextAttemptAt is { } next ? tenant.Time.Local(next) : null,
                a.Reminder.UpdatedAt)))];
        return TypedResults.Ok(views);
    }

    private static bool TryReadDate(string? value, DateOnly fallback, out DateOnly date)
    {
        if (string.IsNullOrEmpty(value))
        {
            date = fallback;
            return true;
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
