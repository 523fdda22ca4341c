namespace VoiceAgent.WebPubSubStandIn;

public sealed class PubSubStandInOptions
{
    /// <summary>The access key JWTs are signed with; a random one when null.</summary>
    public string? AccessKey { get; set; }

    /// <summary>A bearer token accepted on the REST API as if Entra had issued it for the service (null: none is).</summary>
    public string? EntraToken { get; set; }

    /// <summary>0 = any free loopback port.</summary>
    public int Port { get; set; }
}
