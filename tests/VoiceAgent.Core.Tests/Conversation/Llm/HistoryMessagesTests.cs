using System.Text.Json;
using Microsoft.Extensions.AI;
using VoiceAgent.Core.Conversation.Llm;

namespace VoiceAgent.Core.Tests.Conversation.Llm;

/// <summary>The stored history to Microsoft.Extensions.AI's messages and back, without loss.</summary>
public sealed class HistoryMessagesTests
{
    [Fact]
    public void ToMessage_CallerEntry_IsAUserMessageWithTheWords()
    {
        var message = HistoryMessages.ToMessage(HistoryEntry.FromCaller("oil change tomorrow"));

        Assert.Equal((ChatRole.User, "oil change tomorrow"), (message.Role, message.Text));
    }

    [Fact]
    public void RoundTrip_AssistantWithTextAndCalls_ComesBackTheSame()
    {
        var entry = new HistoryEntry
        {
            Role = HistoryEntry.Assistant,
            Text = "Let me check.",
            Calls =
            [
                new ToolCallEntry("call_1", "check_availability", "{\"service\":\"oil change\",\"date\":\"2026-12-02\",\"time\":\"09:00\"}"),
                new ToolCallEntry("call_2", "verify_pin", "{\"pin\":\"4321\",\"fullName\":\"Seán O'Brien\"}"),
            ],
        };

        var back = Assert.Single(HistoryMessages.FromMessages([HistoryMessages.ToMessage(entry)]));

        Assert.Equal((entry.Role, entry.Text), (back.Role, back.Text));
        Assert.Equal(entry.Calls.Select(c => (c.Id, c.Name)), back.Calls.Select(c => (c.Id, c.Name)));
        Assert.All(entry.Calls.Zip(back.Calls), pair => Assert.True(JsonEquals(pair.First.Arguments, pair.Second.Arguments), pair.Second.Arguments));
    }

    [Fact]
    public void RoundTrip_AssistantWithCallsOnly_HasNoText()
    {
        var entry = new HistoryEntry { Role = HistoryEntry.Assistant, Calls = [new ToolCallEntry("call_1", "list_my_appointments", "{}")] };

        var back = Assert.Single(HistoryMessages.FromMessages([HistoryMessages.ToMessage(entry)]));

        Assert.Null(back.Text);
        Assert.Equal(entry.Calls, back.Calls);
    }

    [Theory]
    [InlineData("{\"status\":\"read_back\",\"readBack\":\"Just to confirm: an oil change. Shall I book it?\"}")]
    [InlineData("[{\"appointmentId\":\"20261203-ab12cd34\",\"service\":\"oil change\",\"start\":\"2026-12-03T10:00\"}]")]
    [InlineData("\"Verified\"")]
    [InlineData("null")]
    public void RoundTrip_ToolResult_KeepsTheCallIdAndTheJson(string json)
    {
        var entry = new HistoryEntry { Role = HistoryEntry.Tool, CallId = "call_7", Result = json };

        var message = HistoryMessages.ToMessage(entry);
        var back = Assert.Single(HistoryMessages.FromMessages([message]));

        Assert.Equal(ChatRole.Tool, message.Role);
        Assert.Equal(("call_7", HistoryEntry.Tool), (back.CallId, back.Role));
        Assert.True(JsonEquals(json, back.Result!), back.Result);
    }

    [Fact]
    public void RoundTrip_ResultStoredAsPlainText_ComesBackAsThatText()
    {
        var entry = new HistoryEntry { Role = HistoryEntry.Tool, CallId = "call_7", Result = "Message recorded for the staff." };

        var back = Assert.Single(HistoryMessages.FromMessages([HistoryMessages.ToMessage(entry)]));

        Assert.Equal("Message recorded for the staff.", JsonSerializer.Deserialize<string>(back.Result!));
    }

    [Theory]
    [InlineData("{\"service\": \"oil")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("")]
    public void ToMessage_MalformedStoredArguments_GiveACallWithNoArguments(string arguments)
    {
        var entry = new HistoryEntry { Role = HistoryEntry.Assistant, Calls = [new ToolCallEntry("call_1", "book_appointment", arguments)] };

        var call = Assert.Single(HistoryMessages.ToMessage(entry).Contents.OfType<FunctionCallContent>());

        Assert.Equal(("call_1", "book_appointment"), (call.CallId, call.Name));
        Assert.Empty(call.Arguments ?? new Dictionary<string, object?>());
    }

    [Fact]
    public void FromMessages_WholeTurn_KeepsTheOrderAndSkipsTheCallersAndSystemMessages()
    {
        List<ChatMessage> turn =
        [
            new(ChatRole.System, "rules"),
            new(ChatRole.User, "oil change tomorrow at 9"),
            new(ChatRole.Assistant, [new FunctionCallContent("c1", "check_availability", new Dictionary<string, object?> { ["service"] = "oil change" })]),
            new(ChatRole.Tool, [new FunctionResultContent("c1", new Dictionary<string, object?> { ["status"] = "Free" })]),
            new(ChatRole.Assistant, "It's free. Shall I book it?"),
        ];

        var entries = HistoryMessages.FromMessages(turn).ToList();

        Assert.Equal([HistoryEntry.Assistant, HistoryEntry.Tool, HistoryEntry.Assistant], entries.Select(e => e.Role));
        Assert.True(JsonEquals("{\"service\":\"oil change\"}", entries[0].Calls.Single().Arguments), entries[0].Calls.Single().Arguments);
        Assert.True(JsonEquals("{\"status\":\"Free\"}", entries[1].Result!), entries[1].Result);
        Assert.Equal("It's free. Shall I book it?", entries[2].Text);
    }

    [Fact]
    public void FromMessages_CallWithoutArguments_StoresAnEmptyObject()
    {
        var entries = HistoryMessages.FromMessages([new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("c1", "end_call")])]).ToList();

        Assert.Equal("{}", entries.Single().Calls.Single().Arguments);
    }

    [Fact]
    public void FromMessages_ArgumentsAndResults_AreStoredCompact()
    {
        // Stored JSON is counted against the token budget and kept in the call session: indentation is pure cost.
        List<ChatMessage> turn =
        [
            new(ChatRole.Assistant, [new FunctionCallContent("c1", "check_availability", new Dictionary<string, object?> { ["service"] = "oil change", ["date"] = "2026-12-02" })]),
            new(ChatRole.Tool, [new FunctionResultContent("c1", new Dictionary<string, object?> { ["status"] = "Free", ["times"] = new[] { "2026-12-02T09:00" } })]),
        ];

        var entries = HistoryMessages.FromMessages(turn).ToList();

        Assert.Equal("{\"service\":\"oil change\",\"date\":\"2026-12-02\"}", entries[0].Calls.Single().Arguments);
        Assert.Equal("{\"status\":\"Free\",\"times\":[\"2026-12-02T09:00\"]}", entries[1].Result);
    }

    private static bool JsonEquals(string expected, string actual) =>
        JsonElement.DeepEquals(JsonDocument.Parse(expected).RootElement, JsonDocument.Parse(actual).RootElement);
}
