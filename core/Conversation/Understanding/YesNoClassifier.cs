using System.Text.RegularExpressions;

namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>
/// Classifies an answer to a confirmation question. Hesitations and change requests ("wait", "actually…", "hold on",
/// "instead", "not sure") are never a yes; yes and no words together are unclear. A keypad "1" is yes and "2" is no.
/// The classification is lexical only: "ok 9:30 then" is a yes, so check for a new date/time
/// (<see cref="CorrectionDetector"/>, <see cref="DateTimePhraseParser"/>) before treating it as agreement.
/// Extra words around the answer do not change it ("yes please do that", "nope, that's all", "mm-hmm").
/// </summary>
public static partial class YesNoClassifier
{
    public static YesNoAnswer Classify(string utterance) => Classify(utterance, pendingAction: null);

    /// <summary>
    /// Classifies an answer to "Would you like me to <paramref name="pendingAction"/> it?": naming that action
    /// ("yeah go ahead and cancel it") is neither a yes nor a no on its own, so "cancel" is no longer a refusal there.
    /// </summary>
    public static YesNoAnswer Classify(string utterance, string? pendingAction)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        return RegexGuard.Run(() => ClassifyText(utterance, pendingAction), YesNoAnswer.Unclear);
    }

    private static YesNoAnswer ClassifyText(string utterance, string? pendingAction)
    {
        var text = Phrases.Normalise(utterance).TrimEnd('.');
        switch (text)
        {
            case "":
                return YesNoAnswer.Unclear;
            case "1":
                return YesNoAnswer.Yes;
            case "2":
                return YesNoAnswer.No;
        }

        // "mm-hmm" and "uh huh" agree; the "hmm" in them is not a hesitation.
        text = Murmur().Replace(text, " yes ");
        if (pendingAction is not null)
        {
            text = Regex.Replace(text, $@"\b{Regex.Escape(pendingAction)}( it| that| them| this| the appointment| my appointment)?\b", " ", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        if (Hesitation().IsMatch(text))
        {
            return YesNoAnswer.Unclear;
        }

        // "no problem", "not a problem" agree; "not right", "not really" refuse; "that should do it" is neither.
        text = Neutral().Replace(text, " ");
        text = Agreeing().Replace(text, " yes ");
        text = Refusing().Replace(text, " no ");
        var yes = Yes().IsMatch(text);
        var no = No().IsMatch(text);
        return (yes, no) switch
        {
            (true, false) => YesNoAnswer.Yes,
            (false, true) => YesNoAnswer.No,
            _ => YesNoAnswer.Unclear,
        };
    }

    // "change" is a hesitation as a verb ("can we change it"), not in a service's name ("yes, the oil change").
    [GeneratedRegex(@"\b(wait|hold on|hang on|actually|hmm+|not sure|unsure|dont know|do not know|i dunno|dunno|maybe|perhaps|instead|(?<!\b(oil|tire|tires|filter|fluid|battery|wiper|coolant|transmission) )change|make it|make that|rather|different|another|but|what|which|repeat|say that again|pardon)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Hesitation();

    [GeneratedRegex(@"\b(mm+ ?hm+|mhm+|uh ?huh|uh hum|um hum)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Murmur();

    [GeneratedRegex(@"\b(that|thatll|that will|that should|that would|thatd|that oughta|that ought to) do it\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Neutral();

    [GeneratedRegex(@"\b(no problem|not a problem|no worries|why not|no doubt)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Agreeing();

    // "no, I'm good" and "nah we're fine" turn an offer down; the "good" in them is not a yes.
    [GeneratedRegex(@"\b(not|isnt|doesnt|dont|wont|cant) (really|quite|right|correct|good|fine|ok|okay|work|works|sure|going to work|think so|want)\b|\b(no|nah|nope)( thanks| thank you)?( im| were| i am| we are| i think im)? (good|fine|all set|all good|ok|okay)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Refusing();

    [GeneratedRegex(@"\b(yes|yeah|yea|yep|yup|ya|yah|yess|sure|ok|okay|k|correct|right|exactly|that works|works|sounds good|sounds great|sounds right|good|great|perfect|fine|please do|go ahead|do it|book it|absolutely|definitely|of course|affirmative|alright|all right|uh huh|mhm|mm hmm|certainly|confirm|confirmed|lets do it|it is|that is|i think so|i guess so|guess so|(thatll|that will|that would|that should|itll|it will|it would|that could) work|ill take (it|that|that one|the first one)|i will take (it|that)|lock (it|that) in|you bet|sign me up|put me down)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Yes();

    [GeneratedRegex(@"\b(no|nope|nah|negative|incorrect|wrong|nevermind|never mind|cancel|dont|do not|not)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex No();
}
