using System.Runtime.CompilerServices;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Conversation.Llm;

namespace VoiceAgent.Core.Conversation;

/// <summary>Runs the conversation one turn at a time. Implementations keep everything they need in <see cref="DialogState"/>.</summary>
public interface IConversationEngine
{
    /// <summary>The greeting of an inbound call; with <see cref="ConversationContext.PendingReminder"/>, the offer to confirm, change or cancel it.</summary>
    AgentReply Greet(ConversationContext context, DialogState state);

    /// <summary>
    /// The first words of the shop's reminder call, once the customer (<see cref="ConversationContext.Customer"/>) answers:
    /// the reminder of <paramref name="appointment"/> (theirs, booked) and the question whether they can make it. Later
    /// turns go through <see cref="RespondAsync"/>.
    /// </summary>
    AgentReply GreetForReminder(ConversationContext context, DialogState state, Appointment appointment);

    /// <summary>The whole reply to one turn (the Gather transport).</summary>
    Task<AgentReply> RespondAsync(ConversationContext context, DialogState state, CallerInput input, CancellationToken cancellationToken);

    /// <summary>
    /// The caller spoke over the last reply and heard only <paramref name="heard"/> of it (real-time transports): what the
    /// engine remembers of the reply is cut to that. Engines that keep no words of their replies have nothing to cut.
    /// </summary>
    void KeepHeard(DialogState state, string heard)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Model?.KeepHeard(heard);
    }

    /// <summary>
    /// The same turn as a stream (the real-time transports): sentences as they are ready, then <see cref="TurnFinished"/>.
    /// An engine that answers at once streams its reply sentence by sentence.
    /// </summary>
    async IAsyncEnumerable<AgentEvent> StreamAsync(ConversationContext context, DialogState state, CallerInput input, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reply = await RespondAsync(context, state, input, cancellationToken);
        foreach (var sentence in SentenceSplitter.Split(reply.Speech))
        {
            yield return new SpokenSentence(sentence);
        }

        yield return new TurnFinished(reply);
    }
}
