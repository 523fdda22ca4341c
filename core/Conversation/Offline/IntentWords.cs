using System.Text.RegularExpressions;

namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>
/// The word lists behind <see cref="IntentClassifier"/>, written for normalised speech-recognition text (lower case,
/// no apostrophes: "cant", "im", "whats"). Each list says one thing a caller can mean; the classifier decides the order.
/// </summary>
internal static partial class IntentWords
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;
    private const int Timeout = 1000;

    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "um", "uh", "er", "erm", "uhm", "hmm", "mm", "ah", "oh", "eh", "like", "so", "yeah", "yes", "well", "just", "please",
        "hi", "hello", "hey", "ok", "okay", "actually", "the", "a", "an",
    };

    /// <summary>Words that carry no request on their own ("um", "like", "please", "the").</summary>
    public static bool IsFiller(string word) => Fillers.Contains(word);

    /// <summary>"never mind", "forget it", "scratch that", "don't worry about it"; not "don't forget it".</summary>
    [GeneratedRegex(@"\b(never ?mind|nvm|(?<!\b(dont|do not|didnt|not|never|i|ill|might|always|would|could|to|wont|you|we) )forget (it|about it|that|about that|the whole thing|all that|i (said|asked)( anything| that)?|about the|about my|the|my)|scratch that|(dont|do not) worry about (it|that)|disregard (that|it)|no worries about (it|that))\b", Options, Timeout)]
    public static partial Regex NeverMind();

    /// <summary>A service asked for after a "never mind": "forget that, I need a brake inspection", "just do the rotation".</summary>
    [GeneratedRegex(@"\b((i|we) (just |really |still |only |actually )?(need|want|wanna|gotta|would like|would love)|id (like|love)|(can|could|may) (i|we) (get|have|do|book|schedule)|(can|could) you (do|book|schedule|get me|fit)|get me|give me|lets (do|get|book|go with)|instead|how about|what about|ill (take|have|do|go with)|book|schedule|just (do|get|book|the|a|an)|(do|get|book) (the|a|an|my) \w+)\b", Options, Timeout)]
    public static partial Regex WantsService();

    [GeneratedRegex(@"\b(representative|operator|real (person|people|human)|live (agent|person|human|rep)|actual (person|human)|human being|receptionist|manager|customer service|service advisor|a human|transfer me|connect me|put me through|to a human|talk to (a )?human|speak (to|with) (a )?human)\b", Options, Timeout)]
    public static partial Regex StrongTransfer();

    [GeneratedRegex(@"\b(person|human|someone|somebody|an agent|agent|staff|anyone|anybody|mechanic|mechanics|technician|tech|advisor|employee|whoever)\b(?! there\b)", Options, Timeout)]
    public static partial Regex Person();

    /// <summary>Asking to be put through: "talk to", "speak with", "transfer me", "connect me".</summary>
    [GeneratedRegex(@"\b(talk|speak|transfer|connect|put me through|put me on with|get me|chat with|reach)\b", Options, Timeout)]
    public static partial Regex Talk();

    /// <summary>Any request for someone or something: a talk request, or "can I get", "give me", "I need".</summary>
    [GeneratedRegex(@"\b(talk|speak|transfer|connect|put me through|put me on with|get me|chat with|reach|(can|could|may) i (get|have)|give me|let me (get|have)|(i|we) (need|want|wanna|would like)|id like)\b", Options, Timeout)]
    public static partial Regex Request();

    [GeneratedRegex(@"(?<!\b(dont|do not|not|never|dont want to|dont wanna|do not want to|not trying to|no need to|rather not) )\b(cancel|cancels|cancell?ing|cancell?ed|cancellation|call (it|that|the appointment) off|call off|(take|get) me off the (schedule|books|calendar)|no longer need (it|the|my|that)|(dont|do not) need (it|that|the appointment|my appointment|the booking) (anymore|any more))\b", Options, Timeout)]
    public static partial Regex Cancel();

    /// <summary>
    /// Moving an appointment: "reschedule", "move my oil change", "move that", "push it back", "bump it to 3",
    /// "change that to Friday", "I can't make it", "I can't make my appointment Thursday". Not "change my oil".
    /// </summary>
    [GeneratedRegex(@"\b(reschedule|rescheduling|re schedule|rebook|postpone|move (my|the|it|that|this|them|me|us|things|our|everything)|(push|bump|shift) (it|that|this|them|me|us|things|everything|my \w+( \w+)?|the \w+( \w+)?) (back|up|out|forward|over|to|till|until|til|by|later|earlier|a|an|another|one|two)|(push|bump) (it|that|this|me|my|the)\b|push back (my|the|it|that)|(?<!\boil )(change|switch) (it|that|this|them) (to|over)|(?<!\boil )(change|switch) (my|the|our) (appointment|booking|time|day|date|reservation|slot)|(make|need) (a|some) changes? (to|on|with) (my|the|our) (appointment|booking)|different (day|time|date)|another (day|time|date)|(cant|cannot|can not|wont|will not|couldnt|not gonna|not going to|wont be able to|not be able to) make (it|my|the|our|that|this))\b", Options, Timeout)]
    public static partial Regex Reschedule();

    [GeneratedRegex(@"\b(when is my|when s my|whens my|what time is my|what day is my|(when|what time|what day) was my|whats my appointment|(do|did) i (have|already have|got) (an?|any|my|one) (appointment|appointments|booking|bookings)|(do|did) i (have|got) (something|anything|one|any) (booked|scheduled|set up|coming up|on the books)|what (appointments|bookings) (do|have|did) i|my appointments|my upcoming|list my|appointments? coming up|upcoming appointments?|when am i (booked|scheduled|coming in|supposed to come)|what time am i (booked|scheduled|coming in)|am i (still )?(booked|scheduled|on)\b|(check|confirm|verify) (on )?(my|the) (appointment|booking)|(have|got) anything (booked|scheduled)|did i (book|schedule)|(do|did) i have (anything|something)|(i|we) (think i |think we |believe i )?(already )?have (an?|my|our) (appointment|booking)|(i|we) (already |just )?(booked|scheduled) (an?|my|the|our)|(when|what time|what day) (is )?my (appointment|booking) is|(when|what time|what day) my (appointment|booking|\w+ \w+) is)\b", Options, Timeout)]
    public static partial Regex List();

    [GeneratedRegex(@"\b(book|booking|appointment|schedule|scheduling|make an|set up|set me up|sign me up|come in|get in|fit (me|it|us) in|squeeze (me|it|us) in|pencil me in|get me in|bring (it|her|him|my \w+|the \w+) (in|by|over)|drop (it|her|him|my \w+|the \w+) off|get (my \w+|it|her|him|the \w+) in|availability|available|any openings|an opening|any opening|openings|anything (available|open)|(do|what) you have (available|open)|got anything|put me (down|in)|(is|are) there (anything|any (times|openings|slots|spots))(?! else)|(do|would|will) you (guys |all )?have (any|anything|something|time|room|space|an opening|a slot|a spot)|you (guys )?(have|got) (something|anything)|(what|which) (times|slots|spots) (do|have|are|would|is))\b", Options, Timeout)]
    public static partial Regex Book();

    /// <summary>Asking to book, not just naming an appointment: "how much would it cost to book" is a booking, "how much is that appointment" a price.</summary>
    [GeneratedRegex(@"\b(book|schedule|make an appointment|set up|come in|bring (it|her|him|my \w+|the \w+) (in|by))\b", Options, Timeout)]
    public static partial Regex BookVerb();

    [GeneratedRegex(@"\b(hours|open|opening|close|closing|closed|how late|how early|till what time|until what time|what time do you|what days do you|(there|around) (till|until))\b", Options, Timeout)]
    public static partial Regex Hours();

    /// <summary>"how much", "price", "cost", "what do you charge", "what'll that run me"; not "how much time".</summary>
    [GeneratedRegex(@"\b(how much(?! (time|longer|notice|of a wait|does it take|will it take|would it take|do i need))|price|prices|pricing|priced|cost|costs|costing|(do|would|will|does|did) (you|they|it|that|yall)( guys)? charge|what do you (guys )?charge|charge (for|to)|any charge|a charge|the charge|extra charge|run me|set me back|whats the damage|quote|estimate|fee|fees|expensive|pricey|ballpark|whats (that|it|this) (gonna |going to )?run)\b", Options, Timeout)]
    public static partial Regex Price();

    [GeneratedRegex(@"\b(bye|goodbye|good bye|bye bye|byebye|thats all|that is all|(thats|that is|thatll be|that will be|thatd be|that would be|that should be) (all|it|everything)|thats it|nothing else|no thanks|no thank you|im good|were good|im all set|all set|hang up|im done|were done|talk to you later|have a (good|great|nice) (one|day|night|evening|weekend)|(that|thatll|that will|that should|that would|thatd|that oughta|that ought to) do it|that does it|(thats|that is|thatll|that will) (gonna )?be (all|it|everything)|take care|gotta go|got to go|gotta run)\b", Options, Timeout)]
    public static partial Regex Goodbye();

    [GeneratedRegex(@"\b(thanks|thank you|thank u|thx|appreciate (it|that|you))\b", Options, Timeout)]
    public static partial Regex Thanks();

    /// <summary>"great", "ok", "perfect": thanks only when nothing else is said ("ok 9:30 then" answers a question).</summary>
    [GeneratedRegex(@"\b(great|perfect|ok|okay|awesome|wonderful|excellent|cool|gotcha|got it)\b", Options, Timeout)]
    public static partial Regex Acknowledgement();

    /// <summary>"where's the shop", "what street are you on", "how do I get there".</summary>
    [GeneratedRegex(@"\b(wheres|where (is|s) (the shop|your shop|the garage|your place|it|you)|where (are|r) (you|yall)|what street|which street|how do i (get|find) (there|to you|you|the shop)|cross streets?|whats the address|your address|the address)\b", Options, Timeout)]
    public static partial Regex Address();

    // Normalise turns "español" into "espa ol" and "inglés" into "ingl s".
    [GeneratedRegex(@"\b(habla|hablas|hablan|hablo|espa ol|espanol|spanish|en espa|no ingl s|no ingles|se habla|french|francais|fran ais|vietnamese|chinese|mandarin|cantonese|korean|portuguese|russian|arabic|tagalog)\b", Options, Timeout)]
    public static partial Regex OtherLanguage();

    [GeneratedRegex(@"\b(hola|buenos d as|buenos dias|buenas tardes|buenas noches|por favor|necesito|quiero|mi carro|ayuda)\b", Options, Timeout)]
    public static partial Regex Spanish();

    [GeneratedRegex(@"\b(leave (a|them a|him a|her a) (message|note|voicemail)|take a message|pass (on )?a message|give them a message|(have|ask|tell) (someone|somebody|him|her|them|the \w+|\w+) (to )?(call|give) me (back|a call)|call me back|give me a call back|get back to me|callback|(get|have|want|like|request) a call ?back|let (?!me\b|us\b)(them|him|her|\w+|the \w+( \w+)?) know)\b", Options, Timeout)]
    public static partial Regex LeaveMessage();

    [GeneratedRegex(@"\b((my|the|our) (car|cars|truck|trucks|vehicle|van|suv|jeep|minivan|civic|rav4|ride) (is |be |s )?(ready|done|finished|fixed)|(is|are) (it|they|she|he) (ready|done|finished) (yet|for pick ?up|to pick up)|is it (ready|done|finished)|(will|would) (it|they|she) be (ready|done|finished)|when (will|can) i (pick up|get|come get|grab) (my|the|it)|status (of|on) (my|the) (car|truck|vehicle|van|repair|repairs|job)|ready (for pick ?up|to be picked up)|(how is|hows) (my|the) (car|truck|van|repair|vehicle) (coming|going|doing)|any (update|updates|news) on (my|the)|(are|r) you (guys )?(done|finished) with (my|the|it)|(can|could) i (come )?(get|pick up|grab|come get) (my|the) (car|truck|van|vehicle|suv|jeep|civic)(?! in\b)|(did|have|has) (you|anyone|someone)( guys)? (finish|finished|fix|fixed|get to|gotten to|look at|looked at) (my|the) (car|truck|van|vehicle|suv|jeep|civic|rav4))\b", Options, Timeout)]
    public static partial Regex JobStatus();

    [GeneratedRegex(@"\b(text me|text it|text that|text the|send (me )?(a )?text|a text message|text message|sms|get a text|(confirmation|reminder) texts?|texts? (confirmation|reminder)|by text|via text|send it to my phone)\b", Options, Timeout)]
    public static partial Regex TextMessage();

    [GeneratedRegex(@"\b(walk ?ins?|walk in|without (an|a) (appointment|booking)|do (i|you|we) need an appointment|(do|would) i (need|have) to (make|book) an appointment|first come first serve|first come first served)\b", Options, Timeout)]
    public static partial Regex WalkIn();

    [GeneratedRegex(@"\b(just (drop|stop|swing|come|pop|show) (by|in|up|over)|(can|could) i (drop|stop|swing|pop|come) (by|in today|over)|(drop|stop|swing|come) (by|in) (anytime|any time|whenever)|just (bring|drop) (it|her|him|my \w+|the \w+) (by|in|off|over)|(bring|drop) (it|her|him|my \w+|the \w+) (by|in|off|over) (anytime|any time|whenever))\b", Options, Timeout)]
    public static partial Regex DropBy();
}
