using System.Globalization;

namespace VoiceAgent.Core.Appointments;

/// <summary>
/// The notices an appointment can have, one table column each (<c>Notice_sms_booked</c>, …, JSON): every text and
/// reminder call the workflows send is one of these, so each is sent at most once per appointment.
/// </summary>
public static class NoticeKeys
{
    public const string SmsBooked = "sms-booked";
    public const string SmsRescheduled = "sms-rescheduled";
    public const string SmsCancelled = "sms-cancelled";
    public const string SmsReminder = "sms-reminder";

    internal const string ColumnPrefix = "Notice_";

    /// <summary>The reminder call of attempt <paramref name="attempt"/> (1-based): <c>call-1</c>, <c>call-2</c>, …</summary>
    public static string Call(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        return "call-" + attempt.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Keys are lower-case letters, digits and dashes, so each maps to a valid column name.</summary>
    public static bool IsValid(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= 64 && key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    internal static string Column(string key) => IsValid(key)
        ? ColumnPrefix + key.Replace('-', '_')
        : throw new ArgumentException($"'{key}' is not a notice key (lower-case letters, digits and dashes).", nameof(key));

    internal static string KeyOf(string column) => column[ColumnPrefix.Length..].Replace('_', '-');
}
