namespace VoiceAgent.Core.Scheduling;

/// <summary>Whether one requested start can be booked, and if not the first reason why (checked in this order).</summary>
public enum SlotStatus
{
    /// <summary>The start can be booked.</summary>
    Free = 0,

    /// <summary>Earlier than "now" plus the minimum lead time (this includes the past).</summary>
    TooSoon,

    /// <summary>Later than "now" plus the booking horizon.</summary>
    BeyondHorizon,

    /// <summary>The shop is closed that local day: a closed date or a weekday without hours.</summary>
    ClosedDay,

    /// <summary>Starts before opening, or would end after closing.</summary>
    OutsideHours,

    /// <summary>Not on the slot grid (e.g. 10:15 on a 30-minute grid).</summary>
    NotOnGrid,

    /// <summary>The external calendar is busy during part of the appointment.</summary>
    CalendarBusy,

    /// <summary>The service is at capacity during part of the appointment.</summary>
    Full,
}
