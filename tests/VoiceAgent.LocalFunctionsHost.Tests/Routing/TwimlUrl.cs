namespace VoiceAgent.LocalFunctionsHost.Tests.Routing;

/// <summary>A URL a TwiML document asks Twilio to request, where it stands (verb and attribute) and the method Twilio will use.</summary>
public sealed record TwimlUrl(string Where, string Url, string Method)
{
    public override string ToString() => $"{Where}: {Method} {Url}";
}
