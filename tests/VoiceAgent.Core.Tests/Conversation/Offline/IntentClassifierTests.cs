using VoiceAgent.Core.Conversation.Offline;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Tests.Conversation.Offline;

/// <summary>
/// Utterances the way callers say them, and the intent the keyword rules give them. The rows pin the order of the
/// rules: a request for another language, then a person, a message, repair status, texts, walk-ins, cancel, move,
/// list, FAQ, price, booking, hours, goodbye, thanks, and last Spanish words on their own.
/// </summary>
public sealed class IntentClassifierTests
{
    [Theory]
    // Another language, before anything else (even a request for a person).
    [InlineData("hola", CallerIntent.OtherLanguage)]
    [InlineData("Hola, buenos días", CallerIntent.OtherLanguage)]
    [InlineData("¿habla español?", CallerIntent.OtherLanguage)]
    [InlineData("español por favor", CallerIntent.OtherLanguage)]
    [InlineData("hablo español", CallerIntent.OtherLanguage)]
    [InlineData("uh do you speak spanish", CallerIntent.OtherLanguage)]
    [InlineData("can I talk to someone in Spanish", CallerIntent.OtherLanguage)]
    [InlineData("no hablo inglés", CallerIntent.OtherLanguage)]
    [InlineData("necesito una cita para mi carro", CallerIntent.OtherLanguage)]
    [InlineData("hola, I need an oil change", CallerIntent.Book)]
    [InlineData("hola, what are your hours", CallerIntent.Hours)]
    // A person.
    [InlineData("representative", CallerIntent.Transfer)]
    [InlineData("can I talk to a real person", CallerIntent.Transfer)]
    [InlineData("um, a human please", CallerIntent.Transfer)]
    [InlineData("put me through to parts", CallerIntent.Transfer)]
    [InlineData("I need to speak to someone about my bill", CallerIntent.Transfer)]
    [InlineData("can I talk to someone about cancelling", CallerIntent.Transfer)]
    [InlineData("get me the manager", CallerIntent.Transfer)]
    // A message, before repair status ("leave a message about my car").
    [InlineData("can I leave a message", CallerIntent.LeaveMessage)]
    [InlineData("could you take a message for Mike", CallerIntent.LeaveMessage)]
    [InlineData("I wanna leave a message about my car being ready", CallerIntent.LeaveMessage)]
    // Repair status.
    [InlineData("is my car ready", CallerIntent.JobStatus)]
    [InlineData("is my truck done yet", CallerIntent.JobStatus)]
    [InlineData("hi yeah I was wondering if my car is ready", CallerIntent.JobStatus)]
    [InlineData("um, is the van finished", CallerIntent.JobStatus)]
    [InlineData("when can I pick up my car", CallerIntent.JobStatus)]
    [InlineData("what's the status of my repair", CallerIntent.JobStatus)]
    [InlineData("is it ready for pickup", CallerIntent.JobStatus)]
    [InlineData("is my civic done, I dropped it off this morning", CallerIntent.JobStatus)]
    // Texts, before booking words ("text me the appointment").
    [InlineData("text me the confirmation", CallerIntent.TextMessage)]
    [InlineData("can you send me a text", CallerIntent.TextMessage)]
    [InlineData("could you uh text me the appointment details", CallerIntent.TextMessage)]
    [InlineData("will I get a text", CallerIntent.TextMessage)]
    [InlineData("send me a text message with the time please", CallerIntent.TextMessage)]
    [InlineData("book an oil change and text me", CallerIntent.Book)]
    // Walk-ins, before booking words ("come in").
    [InlineData("do you take walk-ins", CallerIntent.WalkIn)]
    [InlineData("do you guys do walk ins", CallerIntent.WalkIn)]
    [InlineData("can I just drop by", CallerIntent.WalkIn)]
    [InlineData("can I just come in without an appointment", CallerIntent.WalkIn)]
    [InlineData("do I need an appointment or", CallerIntent.WalkIn)]
    [InlineData("could I swing by this afternoon", CallerIntent.WalkIn)]
    [InlineData("can I just come in friday for an oil change", CallerIntent.Book)]
    [InlineData("I need an appointment for an oil change", CallerIntent.Book)]
    // Cancel, then move, then list.
    [InlineData("I need to cancel my appointment", CallerIntent.Cancel)]
    [InlineData("uh yeah cancel it", CallerIntent.Cancel)]
    [InlineData("cancel my oil change, I can't make it", CallerIntent.Cancel)]
    [InlineData("I'd like to reschedule", CallerIntent.Reschedule)]
    [InlineData("I can't make it tomorrow", CallerIntent.Reschedule)]
    [InlineData("can we move my appointment to friday", CallerIntent.Reschedule)]
    [InlineData("when is my appointment", CallerIntent.ListAppointments)]
    [InlineData("do I have any appointments coming up", CallerIntent.ListAppointments)]
    // FAQ, then price, then booking.
    [InlineData("where are you located", CallerIntent.Faq)]
    [InlineData("what's your address", CallerIntent.Faq)]
    [InlineData("how much is an oil change", CallerIntent.Faq)]
    [InlineData("how much for a brake inspection", CallerIntent.Price)]
    [InlineData("what does a tire rotation cost", CallerIntent.Price)]
    [InlineData("how much would it cost to book a diagnostic", CallerIntent.Book)]
    [InlineData("I'd like to book an oil change", CallerIntent.Book)]
    [InlineData("um my check engine light is on", CallerIntent.Book)]
    [InlineData("can someone look at my brakes", CallerIntent.Book)]
    [InlineData("I need to get my car in, uh, for, for an inspection", CallerIntent.Book)]
    [InlineData("schedule a tire rotation tomorrow at 9", CallerIntent.Book)]
    [InlineData("oil change", CallerIntent.Book)]
    // Hours, then goodbye, then thanks.
    [InlineData("what are your hours", CallerIntent.Hours)]
    [InlineData("are you open on sunday", CallerIntent.Hours)]
    [InlineData("what time do you close today", CallerIntent.Hours)]
    [InlineData("no thanks, that's all", CallerIntent.Goodbye)]
    [InlineData("ok bye", CallerIntent.Goodbye)]
    [InlineData("I'm all set", CallerIntent.Goodbye)]
    [InlineData("thank you", CallerIntent.Thanks)]
    [InlineData("okay great", CallerIntent.Thanks)]
    // Nothing understood.
    [InlineData("the purple elephant sings loudly", CallerIntent.Unknown)]
    [InlineData("blorp flarn", CallerIntent.Unknown)]
    [InlineData("uh", CallerIntent.Unknown)]
    [InlineData("", CallerIntent.Unknown)]
    [InlineData("can you polish the car", CallerIntent.Unknown)]
    public void Classify_CallerUtterance_GivesIntent(string utterance, CallerIntent expected)
    {
        Assert.Equal(expected, IntentClassifier.Classify(utterance, DemoTenant.Profile));
    }

    [Theory]
    [InlineData("español", "espa ol")]
    [InlineData("¿Habla ESPAÑOL?", "habla espa ol")]
    [InlineData("I'd like, um, an oil change.", "id like um an oil change.")]
    public void Normalise_Utterance_LowerCaseWithoutApostrophesOrNonAsciiLetters(string utterance, string expected)
    {
        Assert.Equal(expected, VoiceAgent.Core.Conversation.Understanding.Phrases.Normalise(utterance));
    }
}
