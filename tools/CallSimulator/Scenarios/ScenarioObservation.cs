using VoiceAgent.CallSimulator.Telephony;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Calls;
using VoiceAgent.TwilioApiStandIn.Messaging;
using VoiceAgent.TwilioApiStandIn.Voice;

namespace VoiceAgent.CallSimulator.Scenarios;

/// <summary>
/// What a scenario run left behind, read after the last step: the inbound call (null when the scenario had none) and
/// its session row, the appointment book, the texts and calls the Twilio stand-in holds for <c>from</c>, and the
/// appointment whose reminder is checked.
/// </summary>
public sealed record ScenarioObservation
{
    public CallResult? Inbound { get; init; }
    public CallSession? Session { get; init; }
    public AppointmentOutcome Appointments { get; init; } = AppointmentOutcome.None;
    /// <summary>Texts accepted for <c>from</c>, oldest first.</summary>
    public IReadOnlyList<RecordedMessage> Texts { get; init; } = [];
    /// <summary>Calls the shop placed to <c>from</c>, oldest first.</summary>
    public IReadOnlyList<RecordedCall> CallsToCaller { get; init; } = [];
    /// <summary>The appointment <c>given</c> or booked by the call, as stored now; null when there is none.</summary>
    public Appointment? ReminderSubject { get; init; }
}
