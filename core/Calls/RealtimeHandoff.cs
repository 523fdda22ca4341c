using System.Text.Json;

namespace VoiceAgent.Core.Calls;

/// <summary>
/// Why a real-time session gave the call back to Twilio, as the host writes it in ConversationRelay's
/// <c>handoffData</c> and the <c>&lt;Connect action&gt;</c> webhook reads it: <c>{"reason":"transfer"}</c>. A session that
/// ended with no handoff (the socket dropped, the host stopped) has no reason, and the call carries on over Gather.
/// </summary>
public sealed record RealtimeHandoff(string Reason)
{
    /// <summary>The agent connects the caller to a person: the target is the call session's (stored by the turn).</summary>
    public const string Transfer = "transfer";

    /// <summary>The agent said goodbye, or the caller stayed silent: hang up.</summary>
    public const string Goodbye = "goodbye";

    /// <summary>The tenant's maximum call length was reached: hang up.</summary>
    public const string MaxDuration = "maxDuration";

    /// <summary>The host is shutting down: the conversation continues on Gather.</summary>
    public const string Drained = "drained";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The handoff in <paramref name="json"/>; null when there is none or it is not ours.</summary>
    public static RealtimeHandoff? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<RealtimeHandoff>(json, Json) is { Reason.Length: > 0 } handoff ? handoff : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether the call ends on Twilio's side (transfer or hang-up) rather than carrying on over Gather.</summary>
    public bool EndsConversation => Reason is Transfer or Goodbye or MaxDuration;
}
