namespace VoiceAgent.TwilioApiStandIn.Webhooks;

/// <summary>
/// One request the stand-in made to the app as Twilio (a status callback), with what it sent and how the app answered:
/// <see cref="StatusCode"/> is null when the app could not be reached (<see cref="Error"/> says why).
/// </summary>
public sealed record SentWebhook(string Url, string Method, IReadOnlyList<KeyValuePair<string, string>> Fields, string Signature, int? StatusCode, string? Error)
{
    public bool Succeeded => StatusCode is >= 200 and <= 299;

    /// <summary>The value of the first field named <paramref name="name"/>, or null.</summary>
    public string? Field(string name) => Fields.FirstOrDefault(f => f.Key == name) is { Key: not null } field ? field.Value : null;
}
