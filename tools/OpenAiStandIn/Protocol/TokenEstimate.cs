namespace VoiceAgent.OpenAiStandIn.Protocol;

/// <summary>
/// A rough token count for <c>usage</c> (about four characters a token, plus OpenAI's few tokens of framing per
/// message): enough for the app's usage metrics and budget logs to see plausible, growing numbers, not a tokenizer.
/// </summary>
internal static class TokenEstimate
{
    public static int Of(string? text) => string.IsNullOrEmpty(text) ? 0 : (text.Length + 3) / 4;

    public static int Prompt(RecordedModelRequest request) =>
        3 + request.Messages.Sum(message => 4 + Of(message.Content) + message.ToolCalls.Sum(call => Of(call.Name) + Of(call.Arguments)))
          + request.Tools.Sum(tool => 8 + Of(tool.Name) + Of(tool.Description) + Of(tool.ParametersJson));

    public static int Completion(ModelReply reply) =>
        Math.Max(1, Of(reply.Content) + reply.ToolCalls.Sum(call => 3 + Of(call.Call.Name) + Of(call.Call.Arguments)));
}
