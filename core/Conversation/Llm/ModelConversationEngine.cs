using System.ClientModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Conversation.Offline;
using VoiceAgent.Core.Conversation.Tools;
using VoiceAgent.Core.Conversation.Understanding;
using VoiceAgent.Core.Telemetry;

namespace VoiceAgent.Core.Conversation.Llm;

/// <summary>
/// The agent on a language model, with the offline engine as its net. The model talks and calls the same tools, under
/// the same authorization, as the offline engine; the tools keep the structured call state, so when the model fails
/// (an error, a 429, its deadline) or its breaker is open, the offline engine answers the rest of the call from what is
/// already known, after one sentence of apology. Greetings, the reminder dialog and silences never wait on the model.
/// </summary>
public sealed partial class ModelConversationEngine(
    OfflineDialogEngine offline,
    AgentToolsFactory toolsFactory,
    IChatClient chat,
    ModelCircuitBreaker breaker,
    IOptions<LlmOptions> options,
    VoiceAgentTelemetry telemetry,
    ILogger<ModelConversationEngine> logger) : IConversationEngine
{
    /// <summary>What the caller hears once, when the model fails and the offline engine takes the call over.</summary>
    public const string Apology = "Sorry, I'm having a little trouble on my end, but I can still help you.";

    private readonly LlmOptions _options = options.Value;
    private readonly TokenCounter _tokens = TokenCounter.For(options.Value.ModelName);

    /// <summary>The offline greeting (instant, by name); the model takes the turns after it, unless the shop has it off.</summary>
    public AgentReply Greet(ConversationContext context, DialogState state)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        var reply = offline.Greet(context, state);
        if (context.Tenant.UseLanguageModel && context.PendingReminder is null)
        {
            state.Model = new ModelConversation { History = [HistoryEntry.FromAgent(reply.Speech)] };
        }

        return reply;
    }

    /// <summary>The shop's reminder call is a short, keypad-friendly dialog: the offline engine runs all of it.</summary>
    public AgentReply GreetForReminder(ConversationContext context, DialogState state, Appointment appointment) =>
        offline.GreetForReminder(context, state, appointment);

    public async Task<AgentReply> RespondAsync(ConversationContext context, DialogState state, CallerInput input, CancellationToken cancellationToken)
    {
        await foreach (var item in StreamAsync(context, state, input, cancellationToken))
        {
            if (item is TurnFinished finished)
            {
                return finished.Reply;
            }
        }

        throw new InvalidOperationException("The turn ended without a reply.");
    }

    public async IAsyncEnumerable<AgentEvent> StreamAsync(ConversationContext context, DialogState state, CallerInput input, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        if (state.Model is not { FellBack: false } conversation || input.IsEmpty)
        {
            // Off the model (never on it, fallen back, the shop turned it off); or a silence, which the offline engine
            // counts and answers without a model round trip.
            var reply = await offline.RespondAsync(context, state, input, cancellationToken);
            foreach (var item in Events(state.Model is { FellBack: false } ? Silence(state, reply) : reply))
            {
                yield return item;
            }

            yield break;
        }

        if (!breaker.TryEnter())
        {
            LogModelFallback(logger, null, context.CallSid, "breaker_open", 0);
            var (said, reply) = await FallBackAsync(context, state, input, conversation, turn: null, spoken: [], "breaker_open", cancellationToken);
            foreach (var item in Events(said, reply))
            {
                yield return item;
            }

            yield break;
        }

        state.Silences = 0;
        conversation.Turn++;
        var turn = new ModelTurn(conversation, YesNoClassifier.Classify(input.Text) == YesNoAnswer.Yes);
        var tools = ModelTools.Create(toolsFactory.For(context, state), state, turn, context)
            .Select(f => (AITool)new DeadlineFunction(f, TimeSpan.FromSeconds(_options.ToolDeadlineSeconds)))
            .ToList();
        var (history, repairs) = HistoryRepair.Repair(conversation.History);
        if (repairs > 0)
        {
            LogHistoryRepaired(logger, context.CallSid, repairs);
        }

        history.Add(HistoryEntry.FromCaller(input.Text));
        var system = SystemPrompt.Build(context, state);
        var messages = new List<ChatMessage> { new(ChatRole.System, system) };
        messages.AddRange(HistoryWindow.Fit(history, _options.TokenBudget - _tokens.Count(system), _tokens).Select(HistoryMessages.ToMessage));
        var chatOptions = new ChatOptions { Tools = tools, ToolMode = ChatToolMode.Auto, MaxOutputTokens = _options.MaxReplyTokens };

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(_options.ModelDeadlineSeconds));
        var started = Stopwatch.GetTimestamp();
        var updates = new List<ChatResponseUpdate>();
        var spoken = new List<string>();
        var splitter = new SentenceSplitter();
        var toolNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var guarded = false;
        Exception? failure = null;
        var stream = chat.GetStreamingResponseAsync(messages, chatOptions, deadline.Token).GetAsyncEnumerator(deadline.Token);
        try
        {
            while (!guarded)
            {
                try
                {
                    if (!await stream.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = ex;
                    break;
                }

                var update = stream.Current;
                updates.Add(update);
                foreach (var activity in ToolEvents(update, toolNames))
                {
                    yield return activity;
                }

                if (update.Role == ChatRole.Tool || string.IsNullOrEmpty(update.Text))
                {
                    continue;
                }

                foreach (var sentence in splitter.Add(update.Text))
                {
                    if (!Speakable(context, sentence, spoken))
                    {
                        guarded = true;
                        break;
                    }

                    yield return new SpokenSentence(spoken[^1]);
                }
            }
        }
        finally
        {
            await stream.DisposeAsync();
        }

        if (failure is null && !guarded && splitter.Flush() is { } rest)
        {
            if (Speakable(context, rest, spoken))
            {
                yield return new SpokenSentence(spoken[^1]);
            }
            else
            {
                guarded = true;
            }
        }

        if (guarded)
        {
            yield return new SpokenSentence(ReplyGuard.Refusal);
        }

        if (failure is null && spoken.Count == 0 && !guarded && turn.Transfer is null && !turn.EndsCall)
        {
            failure = new InvalidOperationException("The model answered with no words to say.");
        }

        if (failure is not null)
        {
            var reason = Reason(failure);
            breaker.RecordFailure(RetryAfter(failure));
            LogModelFallback(logger, failure, context.CallSid, reason, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var (said, fallback) = await FallBackAsync(context, state, input, conversation, turn, spoken, reason, cancellationToken);
            foreach (var item in Events(said, fallback))
            {
                yield return item;
            }

            yield break;
        }

        breaker.RecordSuccess();
        if (guarded)
        {
            spoken.Add(ReplyGuard.Refusal);
        }

        var speech = string.Join(' ', spoken);
        if (speech.Length == 0)
        {
            speech = turn.Transfer is { } target ? DialogPrompts.Connecting(DialogPrompts.ConnectLead, target.Department) : DialogPrompts.Goodbye(DialogPrompts.Thanks(context.Tenant.Name, state.ShopCalled));
            yield return new SpokenSentence(speech);
        }

        if (!turn.ConfirmReadBack(speech))
        {
            LogReadBackNotSaid(logger, context.CallSid);
        }

        history.AddRange(Said(HistoryMessages.FromMessages(updates.ToChatResponse().Messages), speech, guarded));
        conversation.History = HistoryWindow.Fit(history, _options.TokenBudget, _tokens);
        var final = turn.Transfer is { } to ? AgentReply.Transfer(speech, to.Target)
            : turn.EndsCall ? AgentReply.Hangup(speech)
            : AgentReply.Listen(speech);
        yield return new TurnFinished(final);
    }

    /// <summary>
    /// The offline engine takes the call over: what the tools did this turn is said (a write done), or carried on from
    /// (a slot checked, a write read back), else the caller's words are answered afresh. One sentence of apology first;
    /// whatever the model already said stays said. Returns what is still to be said and the whole reply.
    /// </summary>
    private async Task<(AgentReply Said, AgentReply Whole)> FallBackAsync(ConversationContext context, DialogState state, CallerInput input, ModelConversation conversation, ModelTurn? turn, IReadOnlyList<string> spoken, string reason, CancellationToken cancellationToken)
    {
        conversation.FellBackBecause = reason;
        telemetry.RecordLlmFallback(context.Tenant.Id, reason);
        AgentReply reply;
        if (turn is { Done.Count: > 0 })
        {
            reply = AgentReply.Listen($"{string.Join(' ', turn.Done)} {DialogPrompts.AnythingElse}");
        }
        else if (turn is { ChangedCallState: true })
        {
            reply = await offline.ResumeAsync(context, state, cancellationToken);
        }
        else
        {
            reply = await offline.RespondAsync(context, state, input, cancellationToken);
        }

        var said = reply with { Speech = $"{Apology} {reply.Speech}", Parts = null };
        return (said, said with { Speech = string.Join(' ', [.. spoken, said.Speech]) });
    }

    /// <summary>A silence on the model: the offline engine counted it and chose hang-up or reprompt; the reprompt repeats what the model last asked.</summary>
    private static AgentReply Silence(DialogState state, AgentReply offlineReply)
    {
        if (offlineReply.Action != CallAction.Listen)
        {
            return offlineReply;
        }

        var lastSaid = state.Model!.History.LastOrDefault(e => e.Role == HistoryEntry.Assistant && !string.IsNullOrEmpty(e.Text))?.Text;
        return AgentReply.Listen(DialogPrompts.DidNotHear(lastSaid is null ? DialogPrompts.HowCanIHelp : LastSentence(lastSaid)));
    }

    private static string LastSentence(string text) => SentenceSplitter.Split(text) is { Count: > 0 } sentences ? sentences[^1] : text;

    /// <summary>Cleans <paramref name="sentence"/> for speech and adds it to <paramref name="spoken"/>; false when the guard stops it.</summary>
    private bool Speakable(ConversationContext context, string sentence, List<string> spoken)
    {
        var clean = SpokenText.Clean(sentence);
        if (clean.Length == 0)
        {
            return true;
        }

        if (!ReplyGuard.Allows(sentence) || !ReplyGuard.Allows(clean))
        {
            LogReplyStopped(logger, context.CallSid);
            return false;
        }

        spoken.Add(clean);
        return true;
    }

    /// <summary>The turn's messages as history, the final text replaced by what the caller really heard when the guard stopped it.</summary>
    private static List<HistoryEntry> Said(IEnumerable<HistoryEntry> entries, string speech, bool guarded)
    {
        var list = entries.ToList();
        var last = list.FindLastIndex(e => e.Role == HistoryEntry.Assistant && e.Text is not null);
        if (guarded || last < 0)
        {
            if (last >= 0)
            {
                list[last] = list[last] with { Text = null };
                if (list[last].Calls.Count == 0)
                {
                    list.RemoveAt(last);
                }
            }

            list.Add(HistoryEntry.FromAgent(speech));
        }

        return list;
    }

    private static IEnumerable<AgentEvent> ToolEvents(ChatResponseUpdate update, Dictionary<string, string> names)
    {
        foreach (var content in update.Contents)
        {
            if (content is FunctionCallContent call)
            {
                names[call.CallId] = call.Name;
                yield return new ToolActivity(call.Name, Finished: false);
            }
            else if (content is FunctionResultContent result)
            {
                yield return new ToolActivity(names.GetValueOrDefault(result.CallId, "unknown"), Finished: true);
            }
        }
    }

    private static IEnumerable<AgentEvent> Events(AgentReply reply) => Events(reply, reply);

    /// <summary>The sentences of <paramref name="toSay"/>, then <paramref name="whole"/> as the turn's reply.</summary>
    private static IEnumerable<AgentEvent> Events(AgentReply toSay, AgentReply whole)
    {
        foreach (var sentence in SentenceSplitter.Split(toSay.Speech))
        {
            yield return new SpokenSentence(sentence);
        }

        yield return new TurnFinished(whole);
    }

    private static string Reason(Exception failure) => failure switch
    {
        OperationCanceledException => "timeout",
        ClientResultException { Status: 429 } => "rate_limited",
        ClientResultException { Status: >= 500 } => "server_error",
        InvalidOperationException when failure.Message.StartsWith("The model answered with no words", StringComparison.Ordinal) => "empty_reply",
        _ => "error",
    };

    /// <summary>How long a 429 asked to wait (<c>Retry-After</c> in seconds), to keep the breaker open at least that long.</summary>
    private static TimeSpan? RetryAfter(Exception failure) =>
        failure is ClientResultException { Status: 429 } limited
        && limited.GetRawResponse()?.Headers.TryGetValue("Retry-After", out var value) == true
        && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Call {CallSid}: model fallback ({Reason}) after {ElapsedMs:F0} ms; the offline engine answers the rest of the call")]
    private static partial void LogModelFallback(ILogger logger, Exception? exception, string callSid, string reason, double elapsedMs);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Call {CallSid}: the stored history had {Repairs} broken tool-call entries; repaired before the model call")]
    private static partial void LogHistoryRepaired(ILogger logger, string callSid, int repairs);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Call {CallSid}: the model proposed a write but did not read it back; the proposal was dropped")]
    private static partial void LogReadBackNotSaid(ILogger logger, string callSid);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Call {CallSid}: a model reply quoting instructions or internal data was stopped")]
    private static partial void LogReplyStopped(ILogger logger, string callSid);
}
