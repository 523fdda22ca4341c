using VoiceAgent.Core.Conversation.Understanding;

namespace VoiceAgent.Core.Tests.Conversation.Understanding;

public sealed class YesNoClassifierTests
{
    [Theory]
    [InlineData("yes")]
    [InlineData("Yes.")]
    [InlineData("YES")]
    [InlineData("yeah")]
    [InlineData("yep")]
    [InlineData("yup")]
    [InlineData("sure")]
    [InlineData("that works")]
    [InlineData("sounds good")]
    [InlineData("correct")]
    [InlineData("please do")]
    [InlineData("yes please")]
    [InlineData("yeah, that's right")]
    [InlineData("ok")]
    [InlineData("perfect")]
    [InlineData("that's fine")]
    [InlineData("sure, no problem")]
    [InlineData("go ahead")]
    [InlineData("absolutely")]
    [InlineData("uh huh")]
    [InlineData("1")]
    public void Classify_Agreement_IsYes(string utterance)
    {
        Assert.Equal(YesNoAnswer.Yes, YesNoClassifier.Classify(utterance));
    }

    [Theory]
    [InlineData("no")]
    [InlineData("No.")]
    [InlineData("nope")]
    [InlineData("nah")]
    [InlineData("not really")]
    [InlineData("no thanks")]
    [InlineData("that's not right")]
    [InlineData("no, that's wrong")]
    [InlineData("I don't think so")]
    [InlineData("that doesn't work")]
    [InlineData("2")]
    public void Classify_Refusal_IsNo(string utterance)
    {
        Assert.Equal(YesNoAnswer.No, YesNoClassifier.Classify(utterance));
    }

    [Theory]
    [InlineData("wait")]
    [InlineData("actually…")]
    [InlineData("actually make it 11")]
    [InlineData("hold on")]
    [InlineData("hmm")]
    [InlineData("I'm not sure")]
    [InlineData("what?")]
    [InlineData("yes but can we do 10")]
    [InlineData("yeah no")]
    [InlineData("banana")]
    [InlineData("")]
    [InlineData("4 3 2 1")]
    [InlineData("Can I do the 4 o'clock slot")]
    public void Classify_HesitationOrNoise_IsUnclear(string utterance)
    {
        Assert.Equal(YesNoAnswer.Unclear, YesNoClassifier.Classify(utterance));
    }

    [Theory]
    [InlineData("yes please do that", YesNoAnswer.Yes)]
    [InlineData("yep book it", YesNoAnswer.Yes)]
    [InlineData("sure, that works", YesNoAnswer.Yes)]
    [InlineData("mm-hmm", YesNoAnswer.Yes)]
    [InlineData("mhm", YesNoAnswer.Yes)]
    [InlineData("uh huh", YesNoAnswer.Yes)]
    [InlineData("uh-huh, yeah", YesNoAnswer.Yes)]
    [InlineData("yeah", YesNoAnswer.Yes)]
    [InlineData("yes, the one on friday", YesNoAnswer.Yes)]
    [InlineData("no, the other one", YesNoAnswer.No)]
    [InlineData("nope, that's all", YesNoAnswer.No)]
    [InlineData("no that's everything thanks", YesNoAnswer.No)]
    [InlineData("cancel that", YesNoAnswer.No)]
    [InlineData("yeah go ahead and cancel it", YesNoAnswer.Unclear)]
    public void Classify_ExtraWords_KeepTheAnswer(string utterance, YesNoAnswer expected)
    {
        Assert.Equal(expected, YesNoClassifier.Classify(utterance));
    }

    [Theory]
    [InlineData("yeah go ahead and cancel it", "cancel", YesNoAnswer.Yes)]
    [InlineData("yes cancel it", "cancel", YesNoAnswer.Yes)]
    [InlineData("yes please cancel the appointment", "cancel", YesNoAnswer.Yes)]
    [InlineData("no don't cancel it", "cancel", YesNoAnswer.No)]
    [InlineData("no, leave it", "cancel", YesNoAnswer.No)]
    [InlineData("cancel it", "cancel", YesNoAnswer.Unclear)]
    [InlineData("yes move it", "move", YesNoAnswer.Yes)]
    [InlineData("yes cancel it", null, YesNoAnswer.Unclear)]
    public void Classify_RepeatsThePendingAction_ActionIsNeutral(string utterance, string? pendingAction, YesNoAnswer expected)
    {
        Assert.Equal(expected, YesNoClassifier.Classify(utterance, pendingAction));
    }
}
