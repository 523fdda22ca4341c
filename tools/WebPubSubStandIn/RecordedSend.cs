namespace VoiceAgent.WebPubSubStandIn;

/// <summary>One REST send the stand-in read, and how it answered.</summary>
/// <param name="Auth"><c>accessKey</c>, <c>entra</c>, or why it was refused (<c>missing</c>, <c>bad signature</c>, <c>wrong aud</c>, …).</param>
public sealed record RecordedSend(string Hub, string Group, string? ContentType, string Body, string Auth, int Status, IReadOnlyDictionary<string, string> Query)
{
    public override string ToString() => $"{Status} {Hub}/{Group} auth={Auth} {ContentType}: {Body}";
}
