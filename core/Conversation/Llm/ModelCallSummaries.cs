using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Telephony;

namespace VoiceAgent.Core.Conversation.Llm;

/// <summary>
/// A finished call's summary and the caller's sentiment, written by the language model from the transcript and what the
/// dialog recorded (one request, no tools, JSON out, within <see cref="LlmOptions.SummaryDeadlineSeconds"/>). Anything
/// else (an error, a timeout, an answer that is not the JSON asked for) gives null, and the dialog's summary stands.
/// Phone numbers in the transcript are masked before it leaves.
/// </summary>
public sealed partial class ModelCallSummaries(IChatClient model, IOptions<LlmOptions> options, ILogger<ModelCallSummaries> logger) : ICallSummaryModel
{
    public const string Instruction = "Summarize this call for the shop's staff.";

    private const int MaxSummaryCharacters = 600;

    private static readonly string[] Sentiments = ["positive", "neutral", "negative"];

    public async Task<ModelCallSummary?> SummarizeAsync(CallSummaryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(options.Value.SummaryDeadlineSeconds));
        try
        {
            var response = await model.GetResponseAsync(Messages(request), new ChatOptions
            {
                Temperature = 0,
                MaxOutputTokens = 250,
                ResponseFormat = ChatResponseFormat.Json,
            }, deadline.Token);
            if (Read(response.Text) is { } summary)
            {
                return summary;
            }

            LogUnusable(logger, request.CallSid);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, request.CallSid, ex);
            return null;
        }
    }

    private static List<ChatMessage> Messages(CallSummaryRequest request)
    {
        var transcript = new StringBuilder();
        foreach (var turn in request.Turns)
        {
            if ((turn.CallerSpeech ?? turn.CallerDigits) is { Length: > 0 } caller)
            {
                transcript.Append("Caller: ").AppendLine(PhoneNumbersInText.Mask(caller));
            }

            transcript.Append("Agent: ").AppendLine(PhoneNumbersInText.Mask(turn.AgentSpeech));
        }

        var system = $"You write the record of a finished phone call to {request.ShopName}, an auto-service shop, for its staff. "
            + "Answer with JSON only: {\"summary\": \"two or three short sentences: who called, what they wanted, what was done\", "
            + "\"sentiment\": \"positive\" | \"neutral\" | \"negative\" (how the caller came across)}. "
            + "Use only what the transcript and the recorded facts say. Never include phone numbers.";
        var user = $"{Instruction}\nRecorded outcome: {string.Join(", ", request.FromDialog.Outcomes.DefaultIfEmpty("nothing"))}\n"
            + $"Recorded facts: {request.FromDialog.Summary}\nTranscript:\n{transcript}";
        return [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, user)];
    }

    /// <summary>The JSON asked for (a code fence around it is tolerated), with a usable summary and a known sentiment.</summary>
    private static ModelCallSummary? Read(string text)
    {
        var json = text.Trim();
        if (json.StartsWith("```", StringComparison.Ordinal))
        {
            json = json.Trim('`').Trim();
            json = json.StartsWith("json", StringComparison.OrdinalIgnoreCase) ? json[4..] : json;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("summary", out var summary) || summary.GetString() is not { Length: > 0 and <= MaxSummaryCharacters } words
                || !root.TryGetProperty("sentiment", out var sentiment) || sentiment.GetString()?.ToLowerInvariant() is not { } mood
                || !Sentiments.Contains(mood))
            {
                return null;
            }

            return new ModelCallSummary(PhoneNumbersInText.Mask(words.Trim()), mood);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 4301, Level = LogLevel.Warning, Message = "Call {CallSid}: the model's summary failed; the dialog's summary stands")]
    private static partial void LogFailed(ILogger logger, string callSid, Exception exception);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "Call {CallSid}: the model's summary was not the JSON asked for; the dialog's summary stands")]
    private static partial void LogUnusable(ILogger logger, string callSid);
}
