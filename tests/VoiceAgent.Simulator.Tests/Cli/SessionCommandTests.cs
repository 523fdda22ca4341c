using VoiceAgent.CallSimulator.Cli;
using VoiceAgent.Core.Scheduling;

namespace VoiceAgent.Simulator.Tests.Cli;

public sealed class SessionCommandTests
{
    private static readonly TenantTime Chicago = TenantTime.For("America/Chicago");

    [Theory]
    [InlineData("/call", SessionCommandKind.Call)]
    [InlineData("/hangup", SessionCommandKind.HangUp)]
    [InlineData("/quit", SessionCommandKind.Quit)]
    [InlineData("/exit", SessionCommandKind.Quit)]
    [InlineData("/help", SessionCommandKind.Help)]
    [InlineData("  /QUIT  ", SessionCommandKind.Quit)]
    public void TryParse_Command_IsThatCommand(string line, SessionCommandKind kind)
    {
        Assert.True(SessionCommand.TryParse(line, Chicago, out var command, out var error));

        Assert.Null(error);
        Assert.Equal(kind, command!.Kind);
    }

    [Fact]
    public void TryParse_ClockWithSpan_CarriesTheMove()
    {
        Assert.True(SessionCommand.TryParse("/clock +2h30m", Chicago, out var command, out _));

        Assert.Equal((SessionCommandKind.Clock, TimeSpan.FromMinutes(150)), (command!.Kind, command.Clock!.By));
    }

    [Fact]
    public void TryParse_ClockAlone_ShowsTheClock()
    {
        Assert.True(SessionCommand.TryParse("/clock", Chicago, out var command, out _));

        Assert.True(command!.Clock!.IsShow);
    }

    [Theory]
    [InlineData("/clock soon")]
    [InlineData("/call now")]
    [InlineData("/dance")]
    public void TryParse_BadCommand_IsACommandWithAnError(string line)
    {
        Assert.True(SessionCommand.TryParse(line, Chicago, out var command, out var error));

        Assert.Null(command);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData("I'd like an oil change")]
    [InlineData("yes / no")]
    [InlineData("")]
    public void TryParse_Speech_IsNotACommand(string line) =>
        Assert.False(SessionCommand.TryParse(line, Chicago, out _, out _));
}
