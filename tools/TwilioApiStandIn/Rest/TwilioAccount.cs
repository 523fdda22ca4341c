namespace VoiceAgent.TwilioApiStandIn.Rest;

/// <summary>The one account the stand-in serves: requests authenticate as it (Basic <c>AccountSid:AuthToken</c>), webhooks are signed with its token.</summary>
public sealed record TwilioAccount(string AccountSid, string AuthToken)
{
    public string BasePath => $"/2010-04-01/Accounts/{AccountSid}";
}
