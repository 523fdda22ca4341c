using VoiceAgent.CallSimulator.Scenarios;
using VoiceAgent.CallSimulator.Telephony;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Calls;
using VoiceAgent.TwilioApiStandIn.Messaging;
using VoiceAgent.TwilioApiStandIn.Voice;
using CallStatuses = VoiceAgent.TwilioApiStandIn.Voice.CallStatuses;

namespace VoiceAgent.Simulator.Tests.Scenarios;

public sealed class ExpectationCheckerTests
{
    private const string Caller = "+15555550101";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 15, 15, 0, TimeSpan.Zero);

    private static readonly CallResult HungUp = new()
    {
        Call = CallIdentity.NewInbound(Caller, "+15555550100"),
        Ending = CallEnding.AgentHungUp,
        Transcript = [new(TranscriptSpeaker.Agent, "Goodbye!")],
    };

    private static readonly CallSession Session = new()
    {
        TenantId = "northside-auto",
        CallSid = HungUp.Call.CallSid,
        CallerNumber = Caller,
        StartedAt = DateTimeOffset.UnixEpoch,
    };

    private static readonly ScenarioObservation AfterTheCall = new() { Inbound = HungUp, Session = Session };

    [Fact]
    public void Check_DefaultExpectationMatchingStorage_HasNoReasons() =>
        Assert.Empty(ExpectationChecker.Check(Scenario(""), AfterTheCall));

    [Fact]
    public void Check_BookedAsExpectedWithAnotherOffset_HasNoReasons() =>
        Assert.Empty(ExpectationChecker.Check(
            Scenario("expect:\n  booked:\n    - { service: oil change, start: \"2026-12-02T09:00:00-06:00\" }"),
            AfterTheCall with { Appointments = new AppointmentOutcome([new ExpectedBooking("Oil Change", new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero))], []) }));

    [Fact]
    public void Check_ExpectedBookingMissing_Fails() =>
        Assert.Equal(
            ["expected booked [oil change at 2026-12-02T15:00Z], but storage shows []"],
            ExpectationChecker.Check(Scenario("expect:\n  booked:\n    - { service: oil change, start: \"2026-12-02T09:00:00-06:00\" }"), AfterTheCall));

    [Fact]
    public void Check_UnexpectedCancellation_Fails() =>
        Assert.Equal(
            ["expected cancelled [], but storage shows [2026-12-03T16:00Z]"],
            ExpectationChecker.Check(Scenario(""), AfterTheCall with { Appointments = new AppointmentOutcome([], [new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(-6))]) }));

    [Fact]
    public void Check_EmptyAppointmentLists_AreNotAppointmentChecks() =>
        Assert.Empty(ExpectationChecker.Check(Scenario("expect:\n  booked: []\n  cancelled: []"), AfterTheCall));

    [Fact]
    public void Check_TransferInStorageNotExpected_Fails() =>
        Assert.Equal(
            ["expected no transfer, but storage shows the call transferred to +15555550199"],
            ExpectationChecker.Check(Scenario(""), AfterTheCall with { Session = Session with { TransferredTo = "+15555550199" } }));

    [Fact]
    public void Check_NoSessionInStorage_Fails() =>
        Assert.Equal(["storage holds no session for the call"], ExpectationChecker.Check(Scenario(""), AfterTheCall with { Session = null }));

    [Fact]
    public void Check_NoInboundCall_ChecksNoSession() =>
        Assert.Empty(ExpectationChecker.Check(Scenario("", caller: null), new ScenarioObservation()));

    [Fact]
    public void Check_TextsMatchingInOrder_HasNoReasons() =>
        Assert.Empty(ExpectationChecker.Check(
            Scenario("expect:\n  texts: [\"(?i)booked\", \"(?i)moved\"]"),
            AfterTheCall with { Texts = [Text("You're booked for Wed."), Text("Your appointment was moved to Thu.")] }));

    [Fact]
    public void Check_TextsInAnotherOrder_FailsNamingTheText() =>
        Assert.Equal(
            ["text 1 of 2 does not match /(?i)booked/: \"Your appointment was moved to Thu.\"", "text 2 of 2 does not match /(?i)moved/: \"You're booked for Wed.\""],
            ExpectationChecker.Check(Scenario("expect:\n  texts: [\"(?i)booked\", \"(?i)moved\"]"), AfterTheCall with { Texts = [Text("Your appointment was moved to Thu."), Text("You're booked for Wed.")] }));

    [Fact]
    public void Check_OneTextMoreThanExpected_FailsWithTheBodies()
    {
        var reasons = ExpectationChecker.Check(Scenario("expect:\n  texts: [\"(?i)booked\"]"), AfterTheCall with { Texts = [Text("You're booked."), Text("You're booked.")] });

        Assert.StartsWith("expected 1 text to the caller, but the Twilio stand-in shows 2 texts", Assert.Single(reasons), StringComparison.Ordinal);
        Assert.Contains("\"You're booked.\"", reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NoTextsExpectedNoneSent_HasNoReasons() =>
        Assert.Empty(ExpectationChecker.Check(Scenario("expect:\n  texts: []"), AfterTheCall));

    [Fact]
    public void Check_TextsNotGiven_AreNotChecked() =>
        Assert.Empty(ExpectationChecker.Check(Scenario(""), AfterTheCall with { Texts = [Text("Anything.")] }));

    [Fact]
    public void Check_CallsToCallerCountDiffers_FailsWithTheirOutcomes() =>
        Assert.Equal(
            ["expected 1 call to the caller, but the Twilio stand-in shows 2 calls (no-answer, completed, human)"],
            ExpectationChecker.Check(Scenario("expect:\n  calls_to_caller: 1"), AfterTheCall with { CallsToCaller = [Call(CallStatuses.NoAnswer), Call(CallStatuses.Completed, "human")] }));

    [Fact]
    public void Check_CallsToCallerAsExpected_HasNoReasons() =>
        Assert.Empty(ExpectationChecker.Check(Scenario("expect:\n  calls_to_caller: 0"), AfterTheCall));

    [Fact]
    public void Check_AnOutboundCallFailed_Fails() =>
        Assert.Equal(
            ["the call the shop placed (CA1) failed: POST /api/reminders/answer answered HTTP 500."],
            ExpectationChecker.Check(Scenario(""), AfterTheCall with { CallsToCaller = [Call(CallStatuses.Completed, "human") with { Error = "POST /api/reminders/answer answered HTTP 500." }] }));

    [Fact]
    public void Check_SaidOnTheReminderCall_Counts() =>
        Assert.Empty(ExpectationChecker.Check(Scenario("expect:\n  said: [\"(?i)press 1\"]"), AfterTheCall with { CallsToCaller = [Call(CallStatuses.Completed, "human") with { Transcript = ["Agent: Press 1 to confirm."] }] }));

    [Theory]
    [InlineData("confirmed", ReminderOutcome.Confirmed)]
    [InlineData("voicemail", ReminderOutcome.Voicemail)]
    [InlineData("unreached", ReminderOutcome.Unreached)]
    [InlineData("none", ReminderOutcome.None)]
    [InlineData("none", ReminderOutcome.NotNeeded)]
    public void Check_ReminderAsRecorded_HasNoReasons(string expected, ReminderOutcome recorded) =>
        Assert.Empty(ExpectationChecker.Check(Scenario($"expect:\n  reminder: {expected}"), AfterTheCall with { ReminderSubject = Appointment(recorded) }));

    [Fact]
    public void Check_ReminderStillRetrying_FailsNamingWhatIsRecorded() =>
        Assert.Equal(
            ["expected reminder unreached, but the appointment (brake inspection at 2026-12-03T20:00Z) shows retrying after 2 attempts"],
            ExpectationChecker.Check(Scenario("expect:\n  reminder: unreached"), AfterTheCall with { ReminderSubject = Appointment(ReminderOutcome.Retrying) with { Reminder = new ReminderStatus(ReminderOutcome.Retrying, 2, null, null, null) } }));

    [Fact]
    public void Check_ReminderWithoutAnAppointment_Fails() =>
        Assert.Equal(
            ["expected reminder none, but there is no appointment to read it from (none given, none booked by the call)"],
            ExpectationChecker.Check(Scenario("expect:\n  reminder: none"), AfterTheCall));

    private static Scenario Scenario(string extra, string? caller = "caller: []") =>
        ScenarioLoader.Parse($"name: t\nnow: \"2026-12-01T09:15:00-06:00\"\nfrom: \"{Caller}\"\n{caller}\n{extra}\n", "t.yaml");

    private static RecordedMessage Text(string body) => new()
    {
        Sid = "SM" + Guid.NewGuid().ToString("N"),
        AccountSid = "AC1",
        From = "+15555550100",
        To = Caller,
        Body = body,
        Status = "delivered",
        DateCreated = Now,
    };

    private static RecordedCall Call(string status, string? answeredBy = null) => new()
    {
        Sid = "CA1",
        AccountSid = "AC1",
        From = "+15555550100",
        To = Caller,
        Status = status,
        AnsweredBy = answeredBy,
        DateCreated = Now,
    };

    private static Appointment Appointment(ReminderOutcome outcome) => new()
    {
        Id = "20261203-given00",
        TenantId = "northside-auto",
        CustomerId = "c1",
        CustomerPhone = Caller,
        Service = "brake inspection",
        Start = new DateTimeOffset(2026, 12, 3, 20, 0, 0, TimeSpan.Zero),
        End = new DateTimeOffset(2026, 12, 3, 21, 0, 0, TimeSpan.Zero),
        Reminder = new ReminderStatus(outcome, 1, null, null, null),
    };
}
