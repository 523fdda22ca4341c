using System.Security.Cryptography;

namespace VoiceAgent.TwilioApiStandIn;

/// <summary>Twilio's resource ids: a two-letter type prefix (<c>SM</c> message, <c>CA</c> call, <c>AC</c> account) and 32 hex digits.</summary>
public static class Sids
{
    public static string New(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
