using VoiceAgent.Core.Conversation;

namespace VoiceAgent.WebPubSubHost.Streams;

/// <summary>
/// The phrases to expect from the caller next, given the question the dialog is waiting on: a yes or a no after a
/// read-back or an offer, nothing otherwise. A recognizer with a grammar (pocketsphinx) is then held to them, so a
/// caller who answers something else is heard as the nearest of them; Azure takes them as hints only. Kept to the
/// questions whose answer is a plain yes or no.
/// </summary>
public static class AnswerHints
{
    private static readonly IReadOnlyList<string> YesOrNo = ["yes", "no", "yeah", "yes please", "no thanks", "no thank you"];

    public static IReadOnlyList<string>? For(DialogState dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        return dialog.Stage switch
        {
            DialogStage.AwaitConfirmation or DialogStage.AwaitHandoffChoice or DialogStage.AwaitMessageOffer => YesOrNo,
            DialogStage.None when dialog.PendingOffer != FollowUpOffer.None => YesOrNo,
            _ => null,
        };
    }
}
