namespace VoiceAgent.Core.Conversation;

/// <summary>The question the engine is waiting for an answer to.</summary>
public enum DialogStage
{
    None,
    AwaitService,
    AwaitDay,
    AwaitTime,
    AwaitName,
    AwaitConfirmation,
    AwaitAppointmentChoice,
    AwaitAccountPhone,
    /// <summary>A PIN was given with no name: the name on the account, to check the PIN against.</summary>
    AwaitAccountName,
    AwaitPin,
    /// <summary>Offered a person after repeated failure or a capability the agent lacks: yes transfers, no carries on.</summary>
    AwaitHandoffChoice,
    /// <summary>Offered to take a message for the staff (the shop is closed): yes asks for it, no carries on.</summary>
    AwaitMessageOffer,
    /// <summary>The next utterance is a message for the staff.</summary>
    AwaitStaffMessage,
    /// <summary>Asked, after a booking, which car it is for (or the car's year, make and model or VIN); the booking stands whatever the answer.</summary>
    AwaitVehicle,
    /// <summary>
    /// Reminded of an appointment (the shop's reminder call, or a caller whose reminder went unconfirmed): yes or 1
    /// confirms, 2 moves it, 3 cancels it, 0 asks for a person, no asks which change.
    /// </summary>
    AwaitReminderAnswer,
    /// <summary>Said no to a reminder: asked whether to reschedule or cancel; no leaves the appointment as it is.</summary>
    AwaitReminderChange,
}
