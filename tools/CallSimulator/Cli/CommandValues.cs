using System.Globalization;
using System.Text.RegularExpressions;

namespace VoiceAgent.CallSimulator.Cli;

/// <summary>Option values the commands share, checked as they are read: URLs, ports, Twilio account sids.</summary>
public static partial class CommandValues
{
    public static Uri AbsoluteUrl(string value, string option) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new ArgumentException($"{option} must be an http(s) URL, not '{value}'.");

    public static int Port(string value, string option) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new ArgumentException($"{option} must be a port number (1-65535), not '{value}'.");

    public static string AccountSid(string value, string option) =>
        AccountSidPattern().IsMatch(value) ? value : throw new ArgumentException($"{option} must be a Twilio account sid (AC + 32 hex digits), not '{value}'.");

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSidPattern();
}
