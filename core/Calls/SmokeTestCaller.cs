using VoiceAgent.Core.Telephony;

namespace VoiceAgent.Core.Calls;

/// <summary>
/// The reserved caller id of deployment checks (<c>tools/smoke</c>, decision 0025): a fictional number in the 555-01xx
/// range that no demo customer, scenario or test caller uses. A call from it is answered with the shop's greeting like any
/// other, so the check hears what a caller hears, but it is a test: no customer is looked up or created, no call
/// session, turn or wrap-up is written, no live call event is published, and a log line says a smoke call was served;
/// its end counts in <c>voiceagent.calls</c> with the outcome <see cref="Outcome"/>, so the workbook shows the checks.
/// </summary>
public static class SmokeTestCaller
{
    /// <summary>+1 555 555 0190, in E.164.</summary>
    public const string Number = "+15555550190";

    /// <summary>The outcome a finished smoke call counts under in <c>voiceagent.calls</c>.</summary>
    public const string Outcome = "smoke-test";

    /// <summary>True when <paramref name="caller"/> is the reserved smoke-test caller id.</summary>
    public static bool Is(PhoneNumber? caller) => caller is { } number && string.Equals(number.E164, Number, StringComparison.Ordinal);
}
