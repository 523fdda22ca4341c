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
        Assert.Empty(ExpectationChecker.Check(Scenario(""), HungUp, Session));

    [Theory]
    [InlineData("given:\n  - { customer: \"+15555550102\", service: oil change, start: \"2026-12-02T09:00:00-06:00\" }")]
    [InlineData("expect:\n  booked:\n    - { service: oil change, start: \"2026-12-02T09:00:00-06:00\" }")]
    [InlineData("expect:\n  cancelled: [\"2026-12-03T10:00:00-06:00\"]")]
    public void Check_AppointmentsInvolved_FailsUntilBookingExists(string yaml) =>
        Assert.Equal([ExpectationChecker.BookingNotBuilt], ExpectationChecker.Check(Scenario(yaml), HungUp, Session));

    [Fact]
    public void Check_EmptyAppointmentLists_AreNotAppointmentChecks() =>
        Assert.Empty(ExpectationChecker.Check(Scenario("expect:\n  booked: []\n  cancelled: []"), HungUp, Session));

    [Fact]
    public void Check_TransferInStorageNotExpected_Fails() =>
        Assert.Equal(
            ["expected no transfer, but storage shows the call transferred to +15555550199"],
            ExpectationChecker.Check(Scenario(""), HungUp, Session with { TransferredTo = "+15555550199" }));

    [Fact]
    public void Check_NoSessionInStorage_Fails() =>
        Assert.Equal(["storage holds no session for the call"], ExpectationChecker.Check(Scenario(""), HungUp, null));

    private static Scenario Scenario(string extra) =>
        ScenarioLoader.Parse($"name: t\nnow: \"2026-12-01T09:15:00-06:00\"\nfrom: \"+15555550101\"\n{extra}\n", "t.yaml");
}
