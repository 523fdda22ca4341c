using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Functions.Staff;

/// <summary>Read API for shop staff: the appointment book of a tenant, by local date range.</summary>
public static class StaffApi
{
    public const int MaxRangeDays = 62;

    public static IServiceCollection AddStaffApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StaffApiOptions>().Bind(configuration.GetSection(StaffApiOptions.Section));
        services.AddSingleton<StaffAuthFilter>();
        return services;
    }

    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/tenants/{tenantId}")
            .AddEndpointFilter<StaffAuthFilter>()
            .MapGet("/appointments", ListAppointmentsAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<AppointmentView>>, ProblemHttpResult, NotFound>> ListAppointmentsAsync(
        string tenantId, string? from, string? to, TenantStore tenants, AppointmentStore appointments, TimeProvider time, CancellationToken cancellationToken)
    {
        var tenant = await tenants.FindAsync(tenantId, cancellationToken);
        if (tenant is null)
        {
            return TypedResults.NotFound();
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), tenant.TimeZone).DateTime);
        if (!TryReadDate(from, today, out var first) || !TryReadDate(to, first.AddDays(7), out var last))
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
            TimeZoneInfo.ConvertTime(a.Start, tenant.TimeZone),
            TimeZoneInfo.ConvertTime(a.End, tenant.TimeZone),
            a.Status.ToString(),
            a.CustomerName,
            a.CustomerPhone,
            a.Vehicle?.Describe(),
            a.Channel,
            a.CallSid))];
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
