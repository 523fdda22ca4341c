using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Conversation;

/// <summary>The agent's answer for one turn: what to say and what to do next.</summary>
/// <remarks>
/// <see cref="Speech"/> is always the whole text (transcripts read it). <see cref="Parts"/>, when set, splits it into
/// pieces spoken one after another, each in its own language; null speaks <see cref="Speech"/> in the call's language.
/// </remarks>
public sealed record AgentReply(string Speech, CallAction Action = CallAction.Listen, string? TransferTo = null)
{
    /// <summary>The spoken pieces, in order, when one of them is in another language; null for one piece in the call's language.</summary>
    public IReadOnlyList<SpokenPart>? Parts { get; init; }

    public static AgentReply Listen(string speech) => new(speech);

    /// <summary>Listens after speaking <paramref name="parts"/> in turn; <see cref="Speech"/> is their texts joined by spaces.</summary>
    public static AgentReply Listen(params IReadOnlyList<SpokenPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return new(string.Join(' ', parts.Select(p => p.Text))) { Parts = parts };
    }

    public static AgentReply Transfer(string speech, string target) => new(speech, CallAction.Transfer, target);

    public static AgentReply Hangup(string speech) => new(speech, CallAction.Hangup);

    /// <summary>
    /// What the caller hears when something failed on our side, on every transport: an apology and the shop's desk when
    /// the tenant is known and has one, else an apology and goodbye. Needs no storage.
    /// </summary>
    public static AgentReply Apology(TenantProfile? tenant) => tenant?.DefaultTransferTarget is { } target
        ? Transfer($"I'm sorry, I'm having trouble on my end. Let me connect you with our {target.Department}.", target.Target)
        : Hangup("I'm sorry, we're having technical difficulties right now. Please call back in a few minutes. Goodbye.");
}

/// <summary>One piece of a reply; <paramref name="Language"/> (BCP 47, e.g. <c>es-US</c>) is null for the call's language.</summary>
public sealed record SpokenPart(string Text, string? Language = null);
