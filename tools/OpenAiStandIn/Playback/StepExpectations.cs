namespace VoiceAgent.OpenAiStandIn.Playback;

/// <summary>Checks a request against a step's <c>expect_system</c> and <c>expect_tool_result</c>: what is unmet, or null.</summary>
internal static class StepExpectations
{
    private const int Shown = 300;

    public static string? Unmet(ScriptStep step, RecordedModelRequest request, Func<RecordedChatMessage, string> toolName)
    {
        if (step.ExpectSystem is { } system)
        {
            var prompt = request.SystemPrompt;
            if (!system.IsMatch(prompt))
            {
                return prompt.Length == 0 ? $"expected a system prompt matching /{system}/, the request has none" : $"the system prompt does not match /{system}/: \"{Cut(prompt)}\"";
            }
        }

        var results = request.TrailingToolResults.Select(result => (Name: toolName(result), Content: result.Content ?? "")).ToArray();
        foreach (var (tool, pattern) in step.ExpectToolResults)
        {
            var forTool = results.Where(result => result.Name == tool).ToArray();
            if (forTool.Length == 0)
            {
                return $"expected a result of {tool}; the request's tool results are for: {(results.Length == 0 ? "nothing" : string.Join(", ", results.Select(result => result.Name)))}";
            }

            if (!forTool.Any(result => pattern.IsMatch(result.Content)))
            {
                return $"the result of {tool} does not match /{pattern}/: {string.Join(" | ", forTool.Select(result => Cut(result.Content)))}";
            }
        }

        return null;
    }

    private static string Cut(string text) => text.Length <= Shown ? text : text[..Shown] + "…";
}
