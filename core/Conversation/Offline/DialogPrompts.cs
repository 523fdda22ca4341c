namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>
/// Every sentence the offline engine speaks, in one place, so the agent's wording can be read and changed without
/// reading the flows: constants for fixed sentences, small methods for the ones that carry values. The flows decide
/// what to say; <see cref="SlotSpeech"/> and <see cref="HoursSpeech"/> say the days, times and lists inside.
/// Scenario files and tests assert on this wording, so a change here is a change to the agent's behaviour.
/// </summary>
internal static class DialogPrompts
{
    // Shared: the question that ends a finished task, and the short leads of a reprompt.
    public const string AnythingElse = "Is there anything else I can help you with?";
    public const string WhatElse = "What else can I help you with?";
    public const string NoProblemAnythingElse = "No problem. " + AnythingElse;
    public const string DidNotGet = "Sorry, I didn't get that.";
    public const string DidNotCatch = "Sorry, I didn't catch that.";
    public const string NobodyToTransferTo = "I'm sorry, there's nobody I can transfer you to right now. Please call back during business hours. Goodbye!";

    /// <summary>What was said, then the question that ends a finished task.</summary>
    public static string ThenAnythingElse(string said) => $"{said} {AnythingElse}";

    // Call routing (OfflineDialogEngine): greeting, silence, goodbyes, transfers and what the engine answers itself.
    public const string HowCanIHelp = "How can I help you today?";
    public const string TroubleUnderstanding = "I'm sorry, I'm having trouble understanding.";
    public const string ConnectLead = "Sure, let me connect you";
    public const string YoureWelcome = "You're welcome. " + AnythingElse;
    public const string NotUnderstood = "Sorry, I didn't catch that. I can book, move or cancel an appointment, tell you our hours or our address, or connect you with someone at the shop. What would you like?";

    public static string Greeting(string shop, string? firstName) =>
        $"Thanks for calling {shop}{(firstName is null ? string.Empty : $", {firstName}")}. {HowCanIHelp}";

    public static string DidNotHear(string prompt) => $"Sorry, I didn't hear anything. {prompt}";

    /// <summary>The thanks in a goodbye: for calling the shop, or (on the shop's own call) for the customer's time.</summary>
    public static string Thanks(string shop, bool shopCalled) => shopCalled ? "Thanks for your time" : $"Thanks for calling {shop}";

    public static string SilenceGoodbye(string thanks) => $"I haven't heard anything, so I'll let you go. {thanks}. Goodbye!";

    public static string LeavingGoodbye(string thanks) => $"No problem. {thanks}. Goodbye!";

    public static string Goodbye(string thanks) => $"{thanks}. Have a great day. Goodbye!";

    public static string Connecting(string lead, string department) => $"{lead} with our {department}. One moment please.";

    /// <summary>"Never mind" in the middle of a task: what is left undone.</summary>
    public static string Abandoned(DialogTask task) => ThenAnythingElse(task switch
    {
        DialogTask.Book => "No problem, I won't book that.",
        DialogTask.Reschedule => "Okay, I'll leave it where it is.",
        DialogTask.Cancel => LeftAsItIs,
        _ => "No problem.",
    });

    // Prices and the offer to book that follows them (OfflineDialogEngine, FollowUp, FocusFollowUp).
    public static string ThenOfferBooking(string said) => $"{said} Would you like to book one?";

    public static string ThenOfferBookingOrQuote(string said) => $"{said} I can book one for you, or connect you with the service desk for a quote.";

    public static string WhichServicePrice(string services) => $"Which service would you like a price for? We do {services}.";

    /// <summary>"An oil change costs $49.99." or, with no set price, that it depends on the car.</summary>
    public static string Price(string service, decimal? price)
    {
        var article = SlotSpeech.Article(service);
        return price is { } amount
            ? $"{char.ToUpperInvariant(article[0])}{article[1..]} {service} costs ${amount:0.00}."
            : $"I don't have a set price for {article} {service}; it depends on the car.";
    }

    // Follow-ups to "anything else?" (FollowUp).
    public static string AnythingElseDeclined(string thanks) => $"Okay. {thanks}. Have a great day. Goodbye!";

    // Booking (BookingFlow).
    public const string BetterDayAndTime = "No problem. What day and time would work better for you?";
    public const string SuitsBetter = "No problem. What day or time would suit you better?";
    public const string NameNotCaught = "Sorry, I didn't catch your name. Could you say it again?";
    public const string NoCallerNumber = "I'm sorry, I need a phone number to book under, and I can't see yours. Please call back from your phone. Goodbye.";
    public const string TimeOpenAskName = "Great, that time is open. Can I get your name for the appointment?";
    public const string AppointmentGone = "I'm sorry, I couldn't find that appointment anymore. " + AnythingElse;

    public static string WhichService(string services) => $"Which service do you need? We do {services}.";

    /// <summary>"Which one do you need: a brake inspection or a state inspection?" for services that share a word.</summary>
    public static string WhichOfSimilar(IEnumerable<string> services) =>
        $"Which one do you need: {SlotSpeech.Or([.. services.Select(s => $"{SlotSpeech.Article(s)} {s}")])}?";

    public static string WhatDay(string service) => $"What day would you like to bring it in for the {service}?";

    public static string NoCallerNumberTransfer(string department) => $"I can't see your phone number, so let me connect you with our {department} to book that.";

    public static string MoveReadBack(string service, string from, string to) => $"I can move your {service} from {from} to {to}. Shall I do that?";

    /// <summary>The read-back of a new booking: the car (when one is on file), the caller's name (when new) and the services booked next.</summary>
    public static string BookReadBack(string service, string when, string? vehicle, string? callerName, IReadOnlyList<string> nextServices)
    {
        var forVehicle = vehicle is null ? string.Empty : $" for your {vehicle}";
        var underName = callerName is null ? string.Empty : $", under the name {callerName}";
        var then = nextServices.Count > 0 ? $" Then we'll book the {SlotSpeech.Or(nextServices)}." : string.Empty;
        return $"Just to confirm: {SlotSpeech.Article(service)} {service}{forVehicle} on {when}{underName}.{then} Shall I book it?";
    }

    public static string BookedNowNext(string appointment, string next, string day) =>
        $"You're all set: {appointment}. Now the {next}: what time on {day} would suit you?";

    public static string BookedThen(string appointment, string question) => $"You're all set: {appointment}. {question}";

    public static string BookedSentence(string appointment) => $"You're all set: {appointment}. We'll see you then.";

    public static string Booked(string appointment) => $"{BookedSentence(appointment)} {AnythingElse}";

    public static string MovedSentence(string service, string when) => $"Done. Your {service} is now on {when}.";

    public static string Moved(string service, string when) => $"{MovedSentence(service, when)} {AnythingElse}";

    // Offering times (SlotOffers).
    public const string NotOnGrid = "Appointments start on the hour or half hour.";

    public static string Earliest(string service, string options) =>
        $"The earliest I have for {SlotSpeech.Article(service)} {service} is {options}. Would one of those work?";

    public static string NoOpeningSoon(string service) =>
        $"I don't see an opening for {SlotSpeech.Article(service)} {service} in the next two weeks. What day would you like?";

    public static string TimesOn(string service, string when, string times) =>
        $"For {SlotSpeech.Article(service)} {service} on {when} I have {times}. Which time works for you?";

    public static string ClosedOn(string day) => $"We're closed on {day}.";

    public static string NothingOpenOn(string when) => $"I don't have anything open on {when}.";

    public static string ThenOtherDay(string reason) => $"{reason} What other day would work for you?";

    public static string ThenNextTimes(string reason, string options) => $"{reason} The next times I have are {options}. Would one of those work?";

    public static string ThenNearestTimes(string reason, string options) => $"{reason} The nearest times I have are {options}. Would one of those work?";

    public static string Taken(string requested) => $"Sorry, {requested} is already taken.";

    public static string ClosedOnSorry(string day) => $"Sorry, we're closed on {day}.";

    public static string OutsideHours(string requested) => $"Sorry, {requested} is outside our opening hours.";

    public static string TooSoon(string requested, string notice) => $"Sorry, {requested} is too soon; appointments need at least {notice} notice.";

    public static string BeyondHorizon(int days) => $"Sorry, I can only book up to {days} days ahead.";

    public static string NotAvailable(string requested) => $"Sorry, {requested} isn't available.";

    // Cancelling, moving and listing appointments (AppointmentChangeFlow).
    public const string NoUpcoming = "I don't see any upcoming appointments for you. " + AnythingElse;
    public const string WhichOneAgain = "Sorry, which one?";
    public const string NoLongerBooked = "That appointment is no longer on the book. " + AnythingElse;
    public const string AlreadyCancelled = "That appointment was already cancelled. " + AnythingElse;
    public const string LeftAsItIs = "Okay, I'll leave it as it is.";

    public static string Appointments(string appointments) => $"You have {appointments}. {AnythingElse}";

    public static string WhichToChange(string appointments, bool cancel) =>
        $"You have {appointments}. Which one would you like to {(cancel ? "cancel" : "move")}?";

    public static string WhichOtherToChange(string appointments, bool cancel) =>
        $"You also have {appointments}. Which one would you like to {(cancel ? "cancel" : "move")}?";

    public static string CancelledSentence(string service, string when) => $"Done. Your {service} on {when} is cancelled.";

    public static string Cancelled(string service, string when) => $"{CancelledSentence(service, when)} {AnythingElse}";

    public static string CancelReadBack(string service, string when) => $"I see your {service} on {when}. Would you like me to cancel it?";

    public static string MoveWhen(string service, string when) => $"Your {service} is on {when}. What day and time would you like instead?";

    // Proving identity with a PIN (IdentityFlow).
    public const string AccountQuestion = "What's the phone number on your account, or your PIN?";
    public const string PinQuestion = "Please say or key in your PIN.";
    public const string NoAccountForNumber = "I don't see an account for the number you're calling from. " + AccountQuestion;
    public const string ThanksPin = "Thanks. " + PinQuestion;
    public const string AccountName = "Thanks. And what's the full name on the account?";
    public const string AccountAgain = DidNotGet + " " + AccountQuestion + " You can say it digit by digit, or key it in.";
    public const string AccountNotCaught = "I'm sorry, I couldn't get that.";
    public const string AccountNameAgain = "Sorry, I didn't catch the name. Could you say your first and last name?";
    public const string AccountNameNotCaught = "I'm sorry, I couldn't get that name.";
    public const string PinAgain = "Sorry, I need the 4 to 6 digit PIN on the account. " + PinQuestion;
    public const string PinMismatch = "That PIN didn't match. " + PinQuestion;
    public const string PinLocked = "I'm sorry, that PIN doesn't match our records.";
    public const string CannotVerify = "I'm sorry, I can't verify that account over the phone.";

    public static string ThanksNamePin(string name) => $"Thanks, {name}. {PinQuestion}";

    public static string Verified(string? firstName, string then) => $"Thanks, {firstName}, you're verified. {then}";

    public static string NotVerifiedGoodbye(string lead) => $"{lead} Please call back from the phone on your account. Goodbye.";

    public static string NotVerifiedTransfer(string lead, string department) => $"{lead} Let me connect you with our {department}, who can help.";

    // Offering a person or a message, and taking the message (HandoffFlow).
    public const string MessagePrompt = "What would you like me to tell them?";
    public const string SureMessage = "Sure. " + MessagePrompt;
    public const string GoAheadMessage = "Go ahead. " + MessagePrompt;
    public const string KeepGoing = "No problem, let's keep going.";
    public const string NoMessage = "Okay, no message.";

    public static string OfferPerson(string department) => $"Would you like me to connect you with our {department}?";

    public static string OfferMessage(string desk) => $"Would you like me to take a message for {desk}?";

    public static string ClosedThenOffer(string lead, string offer) => $"{lead} The shop is closed at the moment, so nobody can take the call. {offer}";

    public static string Connected(string department) => Connecting("Okay, let me connect you", department);

    public static string MessagePassedOn(string desk) => $"Thanks, I've passed that on to {desk}.";

    /// <summary>Who a message goes to: "our service desk", or "the shop" when no department takes calls.</summary>
    public static string Desk(string? department) => department is null ? "the shop" : $"our {department}";

    // What the offline agent cannot do (CapabilityAnswers).
    public const string NoSpanish = "Lo siento, por ahora solo puedo ayudarle en inglés.";
    public const string EnglishOnly = "I'm sorry, I can only help in English right now.";
    public const string NoRepairStatus = "I'm sorry, I can't see the status of repairs from here. I can pass a message to our service desk so they can get back to you.";
    public const string OfCourse = "Of course.";
    public const string NoWalkInPromise = "I can't promise a walk-in spot, because I can't see how busy the shop is today.";
    public const string TextOnceBooked = "Sure: I'll text you a confirmation once it's booked, unless your number has opted out of our texts.";

    public static string WalkInMidTask(string answer, string prompt) => $"{answer} Booking a time is the sure way. {prompt}";

    public static string WalkInOffer(string answer) =>
        $"{answer} Would you like me to book you a time, so we're ready for you? Or I can take a message for our service desk.";

    /// <summary>The shop texts a confirmation after each booking, change or cancellation (not to a number that replied STOP).</summary>
    public static string TextComing(string appointments) => $"Sure: you'll get a text confirming {appointments} shortly, unless your number has opted out of our texts.";

    public static string ThenNext(string said, string next) => $"{said} {next}";

    // Reminders: the shop's reminder call, and the offer to a caller whose reminder went unconfirmed (ReminderFlow).
    public const string ReminderKeys = "You can say yes, or press 1 to confirm, 2 to reschedule, 3 to cancel, or 0 to talk to someone.";
    public const string CanYouMakeIt = "Can you make it? " + ReminderKeys;
    public const string RescheduleOrCancel = "Would you like to reschedule it, or cancel it? You can also press 2 to reschedule or 3 to cancel.";
    public const string NoProblemRescheduleOrCancel = "No problem. " + RescheduleOrCancel;
    public const string OrWhatElse = "Or just tell me what you're calling about.";

    /// <summary>"Hi Maria, this is Northside Auto Care with a reminder about your tire rotation tomorrow, Thursday, December 3rd at 10 AM. Can you make it? …"</summary>
    public static string Reminder(string shop, string? firstName, string service, string when) =>
        $"Hi{(firstName is null ? string.Empty : $" {firstName}")}, this is {shop} with a reminder about your {service} {when}. {CanYouMakeIt}";

    /// <summary>The reminder's question on its own, asked again after a silence or a side question.</summary>
    public static string ReminderQuestion(string service, string when) => $"Can you make your {service} {when}? {ReminderKeys}";

    public static string PendingReminder(string shop, string firstName, string service, string when) =>
        $"Thanks for calling {shop}, {firstName}. We've been trying to reach you about your {service} {when}. {CanYouMakeIt} {OrWhatElse}";

    public static string ReminderConfirmed(string service, string when) => $"Great, your {service} {when} is confirmed. We'll see you then.";

    public static string ReminderKept(string service, string when) => $"Okay, I'll keep your {service} {when} as it is.";

    public static string ThenGoodbye(string said, string thanks) => $"{said} {thanks}. Goodbye!";

    // The car a booking is for (VehicleFlow).
    public const string VehicleNoProblem = "No problem, you're all set.";
    public const string DescribeVehicle = "what's the year, make and model of the car, or its VIN?";
    public const string VinNoted = "Thanks, I've noted the VIN.";
    public const string VinDidNotCheckOut = "Sorry, that VIN didn't check out; a character may have been misheard. Could you say it again, or just tell me the year, make and model?";
    public const string TakeYourTime = "Sure, take your time.";
    public const string Sure = "Sure.";

    public static string OneMoreThing(string question) => $"One more thing, so the shop can get ready: {question}";

    public static string WhichVehicle(IEnumerable<string> vehicles, bool several) =>
        $"Which car {(several ? "are these" : "is this")} for: {SlotSpeech.Or([.. vehicles.Select(v => $"your {v}")])}?";

    public static string VehicleChosen(string vehicle) => $"Got it, your {vehicle}.";

    public static string VinDecoded(string article, string vehicle) => $"Thanks, that VIN is {article} {vehicle}; I've noted it.";

    public static string VehicleNoted(string vehicle) => $"Thanks, I've noted the {vehicle}.";

    public static string VehicleGoodbye(string said, string thanks) => $"{said} {thanks}. Goodbye!";

    /// <summary>The car question again behind a short lead ("Sure, take your time."), starting with a capital.</summary>
    public static string VehicleAgain(string lead, string question) => $"{lead} {char.ToUpperInvariant(question[0])}{question[1..]}";
}
