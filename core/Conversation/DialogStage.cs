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
    AwaitPin,
}
