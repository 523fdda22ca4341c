using VoiceAgent.Core.Conversation.Understanding;

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

    /// <summary>What the engine asked last and is waiting for.</summary>
    public DialogStage Stage { get; set; }

    /// <summary>The last question asked, to ask again after silence or a side question.</summary>
    public string? Prompt { get; set; }

    /// <summary>The task under way.</summary>
    public DialogTask Task { get; set; }

    /// <summary>The verified customer this call acts for, once known beyond the caller id (PIN) or newly registered.</summary>
    public string? CustomerId { get; set; }

    /// <summary>The name a new caller gave.</summary>
    public string? CallerName { get; set; }

    public string? Service { get; set; }
    public DateOnly? Date { get; set; }
    public TimeOnly? Time { get; set; }
    public DayPart? DayPart { get; set; }

    /// <summary>The start read back to the caller and awaiting a yes.</summary>
    public DateTimeOffset? Proposed { get; set; }

    /// <summary>Starts offered as alternatives, so "the second one" or "9:30" can pick one.</summary>
    public List<DateTimeOffset> Offered { get; set; } = [];

    /// <summary>The caller's appointment being cancelled or moved.</summary>
    public string? AppointmentId { get; set; }

    /// <summary>Appointments listed to choose from (ids, in the order read out).</summary>
    public List<string> Choices { get; set; } = [];

    /// <summary>Account phone number given for PIN verification.</summary>
    public string? AccountPhone { get; set; }
    public int PinAttempts { get; set; }
    public int AccountLookups { get; set; }

    public List<string> Booked { get; set; } = [];

    /// <summary>Every booking, move and cancellation this call made, in order (the call's record lists them).</summary>
    public List<CallChange> Changes { get; set; } = [];

    /// <summary>Services the caller asked for in the same breath, to book after the current one.</summary>
    public List<string> NextServices { get; set; } = [];

    /// <summary>The question pending when a person or a message was offered, to go back to on "no" (<see cref="DialogStage.None"/> for none).</summary>
    public DialogStage ResumeStage { get; set; }

    /// <summary>The prompt pending when a person or a message was offered.</summary>
    public string? ResumePrompt { get; set; }

    /// <summary>The question with no task behind it that the last reply asked ("anything else?", "would you like to book one?").</summary>
    public FollowUpOffer PendingOffer { get; set; }

    /// <summary>
    /// The appointment the call is about: the one just booked, moved, read back or listed. "Move that", "actually,
    /// cancel it" and "the day after" point at it. Outlives the task; a cancellation clears it.
    /// </summary>
    public string? FocusAppointmentId { get; set; }

    /// <summary>The local day of <see cref="FocusAppointmentId"/>'s start: what "make it 3 instead" and "the day after" are relative to.</summary>
    public DateOnly? FocusDay { get; set; }

    /// <summary>The local time of <see cref="FocusAppointmentId"/>'s start: what "same time" and "an hour later" mean.</summary>
    public TimeOnly? FocusTime { get; set; }

    /// <summary>The service just discussed (priced, booked, moved or cancelled): what "how much is that" asks about.</summary>
    public string? FocusService { get; set; }

    /// <summary>Appointments last read out as a list, in order, so "cancel the second one" can pick one after the list.</summary>
    public List<string> Listed { get; set; } = [];

    /// <summary>Messages the caller left for the staff (take_message).</summary>
    public List<string> MessagesForStaff { get; set; } = [];

    /// <summary>The appointment this call reminded the customer of (see <see cref="DialogStage.AwaitReminderAnswer"/>).</summary>
    public string? ReminderAppointmentId { get; set; }

    /// <summary>The shop placed this call (a reminder call): a confirmation ends it, and goodbyes do not thank for calling.</summary>
    public bool ShopCalled { get; set; }

    /// <summary>Times the car question was asked on this call: once after the first booking, again at most once (never a third time).</summary>
    public int VehicleQuestions { get; set; }

    /// <summary>The model's side of the call (history, the write awaiting a yes); null when the offline engine runs the call.</summary>
    public Llm.ModelConversation? Model { get; set; }

    /// <summary>Makes <paramref name="appointmentId"/> (starting at local <paramref name="day"/> and <paramref name="time"/>) what the call is about.</summary>
    public void Focus(string appointmentId, DateOnly day, TimeOnly time, string service)
    {
        FocusAppointmentId = appointmentId;
        FocusDay = day;
        FocusTime = time;
        FocusService = service;
    }

    /// <summary>The appointment in focus is gone (cancelled); its service stays what was discussed.</summary>
    public void Unfocus()
    {
        FocusAppointmentId = null;
        FocusDay = null;
        FocusTime = null;
    }

    /// <summary>Forget the task's details (after it is done or abandoned); identity, counters and the focus stay.</summary>
    public void ClearTask()
    {
        Stage = DialogStage.None;
        Task = DialogTask.None;
        Prompt = null;
        Service = null;
        Date = null;
        Time = null;
        DayPart = null;
        Proposed = null;
        Offered = [];
        NextServices = [];
        AppointmentId = null;
        Choices = [];
        PendingOffer = FollowUpOffer.None;
        ResumeStage = DialogStage.None;
        ResumePrompt = null;
    }
}
