using VoiceAgent.Core.Tenants;

namespace VoiceAgent.LoadKit;

/// <summary>
/// Hands out a different free start for every booking of the run, so no call finds its slot taken: the open starts of
/// the shop's booking horizon (from tomorrow), first for oil changes, then for tire rotations, then again (each service
/// takes two cars at a time). About 3,000 bookings before a slot would be full.
/// </summary>
public sealed class SlotPlanner
{
    private static readonly string[] Services = ["oil change", "tire rotation"];
    private readonly List<(DateOnly Day, TimeOnly Time)> _starts;
    private int _next;

    public SlotPlanner(TenantProfile tenant, DateTimeOffset now)
    {
        var today = tenant.Time.Today(now);
        var lastDay = tenant.Time.DayOf(now + tenant.Booking.BookingHorizon).AddDays(-2);
        _starts = [];
        for (var day = today.AddDays(1); day <= lastDay; day = day.AddDays(1))
        {
            if (tenant.IsClosedOn(day) || tenant.HoursOn(day.DayOfWeek) is not { } hours)
            {
                continue;
            }

            for (var time = hours.Opens; time.AddMinutes(30) <= hours.Closes; time = time.AddMinutes(tenant.Booking.SlotGridMinutes))
            {
                _starts.Add((day, time));
            }
        }
    }

    public Slot Next()
    {
        var i = _next++;
        var (day, time) = _starts[i % _starts.Count];
        return new Slot(Services[i / _starts.Count % Services.Length], day, time);
    }
}
