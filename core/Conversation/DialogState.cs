namespace VoiceAgent.Core.Conversation;

/// <summary>
/// What the dialog engine remembers between turns. Lives in the call session (JSON), so it survives across
/// webhook requests and instances.
/// </summary>
public sealed class DialogState
{
    /// <summary>Silent or empty turns in a row.</summary>
    public int Silences { get; set; }

    /// <summary>Turns in a row the engine could not understand.</summary>
    public int Misunderstandings { get; set; }
}
