namespace VoiceAgent.TwilioSockets;

/// <summary>One message from the host: its event, a mark's name, a media payload (μ-law), and the caller's audio time when it arrived.</summary>
public sealed record HostMessage(string Event, string? Mark, byte[] Audio, TimeSpan ArrivedAt)
{
    /// <summary>The turn a mark belongs to (marks are <c>turn:line:playback</c>).</summary>
    public int? Turn => Mark?.Split(':') is [var turn, ..] && int.TryParse(turn, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;
}
