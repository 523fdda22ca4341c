using VoiceAgent.CallSimulator.Scenarios;
using VoiceAgent.CallSimulator.Telephony;
using VoiceAgent.Core.Calls;

namespace VoiceAgent.Simulator.Tests.Scenarios;

public sealed class ExpectationCheckerTests
{
    private static readonly CallResult HungUp = new()
    {
        Call = CallIdentity.NewInbound("+15555550101", "+15555550100"),
        Ending = CallEnding.AgentHungUp,
        Transcript = [new(TranscriptSpeaker.Agent, "Goodbye!")],
    };

    private static readonly CallSession Session = new()
    {
        TenantId = "northside-auto",
        CallSid = HungUp.Call.CallSid,
        CallerNumber = "+15555550101",
        StartedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void Check_DefaultExpectationMatchingStorage_HasNoReasons() =>
        Assert.Empty(ExpectationChecker.Check(Scenario(""), HungUp, Session, AppointmentOutcome.None));

    [Fact]
    public void Check_BookedAsExpectedWithAnotherOffset_HasNoReasons() =>
        Assert.Empty(ExpectationChecker.Check(
            Scenario("expect:\n  booked:\n    - { service: oil change, start: \"2026-12-02T09:00:00-06:00\" }"),
            HungUp,
            Session,
            new AppointmentOutcome([new ExpectedBooking("Oil Change", new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero))], [])));

    [Fact]
    public void Check_ExpectedBookingMissing_Fails() =>
        Assert.Equal(
            ["expected booked [oil change at 2026-12-02T15:00Z], but storage shows []"],
            ExpectationChecker.Check(Scenario("expect:\n  booked:\n    - { service: oil change, start: \"2026-12-02T09:00:00-06:00\" }"), HungUp, Session, AppointmentOutcome.None));

    [Fact]
    public void Check_UnexpectedCancellation_Fails() =>
        Assert.Equal(
            ["expected cancelled [], but storage shows [2026-12-03T16:00Z]"],
            ExpectationChecker.Check(Scenario(""), HungUp, Session, new AppointmentOutcome([], [new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(-6))])));

    [Fact]
    public void Check_EmptyAppointmentLists_AreNotAppointmentChecks() =>
        Assert.Empty(ExpectationChecker.Check(Scenario("expect:\n  booked: []\n  cancelled: []"), HungUp, Session, AppointmentOutcome.None));

    [Fact]
    public void Check_TransferInStorageNotExpected_Fails() =>
        Assert.Equal(
            ["expected no transfer, but storage shows the call transferred to +15555550199"],
            ExpectationChecker.Check(Scenario(""), HungUp, Session with { TransferredTo = "+15555550199" }, AppointmentOutcome.None));

    [Fact]
    public void Check_NoSessionInStorage_Fails() =>
        Assert.Equal(["storage holds no session for the call"], ExpectationChecker.Check(Scenario(""), HungUp, null, AppointmentOutcome.None));

    private static Scenario Scenario(string extra) =>
        ScenarioLoader.Parse($"name: t\nnow: \"2026-12-01T09:15:00-06:00\"\nfrom: \"+15555550101\"\n{extra}\n", "t.yaml");
}
