using VoiceAgent.Core.Conversation.Understanding;

namespace VoiceAgent.Core.Tests.Conversation.Understanding;

/// <summary>The cues the dialog engine asks <see cref="Phrases"/> about, said the way callers say them.</summary>
public sealed class PhrasesTests
{
    [Theory]
    [InlineData("and an oil change too", true)]
    [InlineData("oh and a tire rotation too", true)]
    [InlineData("also a state inspection friday at 11", true)]
    [InlineData("can you also check my brakes while you're at it", true)]
    [InlineData("while you're at it can you rotate the tires", true)]
    [InlineData("plus the brakes", true)]
    [InlineData("um can you add a tire rotation", true)]
    [InlineData("i need another oil change for my wife's car", true)]
    [InlineData("can i book one more for saturday", true)]
    [InlineData("the brakes as well please", true)]
    [InlineData("that's too early", false)]
    [InlineData("is that too late for you", false)]
    [InlineData("can we do another day", false)]
    [InlineData("do you have another time", false)]
    [InlineData("make it 3 instead", false)]
    [InlineData("yes", false)]
    public void Adds_Utterance_TellsWhetherTheCallerAddsSomething(string utterance, bool expected)
    {
        Assert.Equal(expected, Phrases.Adds(utterance));
    }

    [Theory]
    [InlineData("make it 3 instead", true)]
    [InlineData("uh actually make that thursday", true)]
    [InlineData("can you change it to ten thirty", true)]
    [InlineData("change that to monday", true)]
    [InlineData("how about friday", true)]
    [InlineData("hmm can we do the day after", true)]
    [InlineData("what about two", true)]
    [InlineData("i'd rather do the morning", true)]
    [InlineData("switch it to the afternoon", true)]
    [InlineData("can we make it eleven", true)]
    [InlineData("i can't make it tomorrow", false)]
    [InlineData("i won't make it on friday", false)]
    [InlineData("yeah i can make it", false)]
    [InlineData("friday at 10 please", false)]
    [InlineData("book an oil change", false)]
    public void Instead_Utterance_TellsWhetherTheCallerWantsSomethingElse(string utterance, bool expected)
    {
        Assert.Equal(expected, Phrases.Instead(utterance));
    }

    [Theory]
    [InlineData("how much is that", true)]
    [InlineData("can you move it to monday", true)]
    [InlineData("this one", true)]
    [InlineData("uh that one please", true)]
    [InlineData("cancel the appointment", true)]
    [InlineData("same time but the day after", true)]
    [InlineData("how much is an oil change", false)]
    [InlineData("tomorrow at 9", false)]
    [InlineData("thats all", false)]
    [InlineData("yes", false)]
    public void RefersBack_Utterance_TellsWhetherItPointsAtWhatWasSaid(string utterance, bool expected)
    {
        Assert.Equal(expected, Phrases.RefersBack(utterance));
    }

    [Theory]
    [InlineData("no, the other one", true)]
    [InlineData("uh the other appointment", true)]
    [InlineData("wrong one", true)]
    [InlineData("not that one", true)]
    [InlineData("a different one", true)]
    [InlineData("yes that one", false)]
    [InlineData("the first one", false)]
    public void OtherOne_Utterance_TellsWhetherTheCallerMeansAnotherAppointment(string utterance, bool expected)
    {
        Assert.Equal(expected, Phrases.OtherOne(utterance));
    }

    [Theory]
    [InlineData("what's the earliest you can do an oil change", true)]
    [InlineData("as soon as possible", true)]
    [InlineData("uh whenever you can fit me in", true)]
    [InlineData("next available is fine", true)]
    [InlineData("asap please", true)]
    [InlineData("soonest you got", true)]
    [InlineData("any time works", true)]
    [InlineData("tomorrow at 9", false)]
    [InlineData("the latest you have on friday", false)]
    public void AsksForEarliest_Utterance_TellsWhetherTheCallerWantsTheFirstFreeTime(string utterance, bool expected)
    {
        Assert.Equal(expected, Phrases.AsksForEarliest(utterance));
    }

    [Theory]
    [InlineData("Um, I'd like... an OIL change!", "um id like... an oil change")]
    [InlineData("it’s ten-thirty", "its ten thirty")]
    [InlineData("  9:30   please ", "9:30 please")]
    public void Normalise_Utterance_LowerCaseSingleSpacedWithoutApostrophes(string utterance, string expected)
    {
        Assert.Equal(expected, Phrases.Normalise(utterance));
    }

    [Theory]
    [InlineData("can i get an oil change", "oil change", 13)]
    [InlineData("i need oil", "oil", 7)]
    [InlineData("my boiler is broken", "oil", -1)]
    public void PhrasePosition_NormalisedText_FindsWholeWordsOnly(string text, string phrase, int expected)
    {
        Assert.Equal(expected, Phrases.PhrasePosition(text, phrase));
    }
}
