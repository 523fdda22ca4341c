namespace VoiceAgent.WebPubSubHost.Speech.Local;

/// <summary>
/// A local speech tool (flite, pocketsphinx) is not installed or not where its setting says: a set-up fault, named with
/// the setting to change and the script that installs it, so it is not mistaken for a failed utterance.
/// </summary>
public sealed class SpeechToolNotFoundException : InvalidOperationException
{
    public SpeechToolNotFoundException()
    {
    }

    public SpeechToolNotFoundException(string message)
        : base(message)
    {
    }

    public SpeechToolNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SpeechToolNotFoundException(string tool, string setting, Exception innerException)
        : base($"'{tool}' could not be started: install it (tools/install-system-packages) or set {setting} to its path.", innerException)
    {
    }
}
