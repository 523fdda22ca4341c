namespace VoiceAgent.Core.Calls;

/// <summary>Who writes a finished call's summary beyond the dialog's own: the language model, or nobody.</summary>
public interface ICallSummaryModel
{
    /// <summary>The model's summary and sentiment for the call, or null when it has none to give (off, failed, too slow, unusable).</summary>
    Task<ModelCallSummary?> SummarizeAsync(CallSummaryRequest request, CancellationToken cancellationToken);
}

/// <summary>What the model is told about a finished call: the shop, the transcript and what the dialog recorded.</summary>
public sealed record CallSummaryRequest(string ShopName, string CallSid, IReadOnlyList<CallTurn> Turns, CallWrapUp FromDialog);

/// <summary>The model's two or three sentences and its reading of the caller (<c>positive</c>, <c>neutral</c>, <c>negative</c>).</summary>
public sealed record ModelCallSummary(string Summary, string Sentiment);

/// <summary>No model: the dialog's summary is the call's summary.</summary>
public sealed class NoCallSummaryModel : ICallSummaryModel
{
    public Task<ModelCallSummary?> SummarizeAsync(CallSummaryRequest request, CancellationToken cancellationToken) => Task.FromResult<ModelCallSummary?>(null);
}
