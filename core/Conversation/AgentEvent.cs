namespace VoiceAgent.Core.Conversation;

/// <summary>
/// What a streamed turn produces, in order: sentences to speak as soon as each is complete, tools starting and
/// finishing (a host may play a filler while one runs), and last the whole reply.
/// </summary>
public abstract record AgentEvent;

/// <summary>One sentence of the reply, ready to be spoken.</summary>
public sealed record SpokenSentence(string Text) : AgentEvent;

/// <summary>A tool call began (<paramref name="Finished"/> false) or ended.</summary>
public sealed record ToolActivity(string Tool, bool Finished) : AgentEvent;

/// <summary>The turn is over: the whole reply (its speech is every sentence streamed) and what to do next.</summary>
public sealed record TurnFinished(AgentReply Reply) : AgentEvent;
