using VoiceAgent.OpenAiStandIn;

namespace VoiceAgent.Conformance.Tests.OpenAi;

/// <summary>The model script's YAML (the format in tools/OpenAiStandIn/README.md) and its builder.</summary>
public sealed class ModelScriptTests
{
    private const string Booking = """
        scenario: book-known-caller-one-breath
        turns:
          - caller: "(?i)oil change"
            steps:
              - tool_calls:
                  - { name: check_availability, arguments: { service: oil change, date: "2026-12-02", time: "09:00" } }
              - expect_tool_result: { check_availability: "(?i)\"Free\"" }
                tool_calls:
                  - { name: book_appointment, arguments: { service: oil change, start: "2026-12-02T09:00" } }
              - say: "That's an oil change tomorrow, Wednesday, at 9 AM. Shall I book it?"
          - caller: "(?i)^yes"
            steps:
              - tool_calls: [ { name: book_appointment, arguments: { service: oil change, start: "2026-12-02T09:00" } } ]
              - say: "You're booked for an oil change tomorrow at 9 AM. Anything else?"
        """;

    [Fact]
    public void Parse_BookingScript_ReadsTurnsStepsPatternsAndArguments()
    {
        var script = ModelScript.Parse(Booking, "booking.yaml");

        Assert.Equal("book-known-caller-one-breath", script.Scenario);
        Assert.Equal([3, 2], script.Turns.Select(turn => turn.Steps.Count));
        Assert.Equal(5, script.StepCount);
        Assert.Matches(script.Turns[0].Caller!, "An OIL CHANGE please");
        Assert.DoesNotMatch(script.Turns[1].Caller!, "no, yes");
        var check = Assert.Single(script.Turns[0].Steps[0].ToolCalls);
        Assert.Equal(("check_availability", """{"service":"oil change","date":"2026-12-02","time":"09:00"}""", false), (check.Name, check.Arguments, check.Raw));
        var expectation = Assert.Single(script.Turns[0].Steps[1].ExpectToolResults);
        Assert.Equal("check_availability", expectation.Key);
        Assert.Matches(expectation.Value, """{"status":"FREE"}""");
        Assert.Equal("That's an oil change tomorrow, Wednesday, at 9 AM. Shall I book it?", script.Turns[0].Steps[2].Say);
        Assert.Equal(7, script.Turns[0].Steps[1].Line);
    }

    [Fact]
    public void Parse_Arguments_FollowYamlsCoreSchema()
    {
        var script = ModelScript.Parse("""
            turns:
              - steps:
                  - tool_calls:
                      - name: t
                        arguments: { count: 3, ratio: 1.5, yes: true, none: null, pin: "0123", date: 2026-12-02, time: 09:00, text: 'it''s', list: [1, a], nested: { b: false } }
            """);

        Assert.Equal(
            """{"count":3,"ratio":1.5,"yes":true,"none":null,"pin":"0123","date":"2026-12-02","time":"09:00","text":"it's","list":[1,"a"],"nested":{"b":false}}""",
            script.Turns[0].Steps[0].ToolCalls[0].Arguments);
    }

    [Fact]
    public void Parse_RawArgumentsAndNoArguments_AreSentAsWrittenAndAsAnEmptyObject()
    {
        var script = ModelScript.Parse("""
            turns:
              - steps:
                  - tool_calls:
                      - { name: check_availability, raw_arguments: '{"service": "oil change", "date": ' }
                      - { name: find_customer }
            """);

        var calls = script.Turns[0].Steps[0].ToolCalls;
        Assert.Equal(("""{"service": "oil change", "date": """, true), (calls[0].Arguments, calls[0].Raw));
        Assert.Equal("{}", calls[1].Arguments);
    }

    [Fact]
    public void Parse_FaultsDelaysAndRepeats_AreRead()
    {
        var script = ModelScript.Parse("""
            turns:
              - caller: hello
                steps:
                  - { fault: { status: 429, retry_after: 2 }, repeat: 3 }
                  - { fault: hang }
                  - { say: "Sorry for the wait.", first_token_delay_ms: 1500, expect_system: "(?i)garage" }
              - steps:
                  - { fault: { status: 500 }, repeat: all }
            """);

        Assert.False(script.FallbackExpected);
        var (rateLimited, hang, slow, always) = (script.Turns[0].Steps[0], script.Turns[0].Steps[1], script.Turns[0].Steps[2], script.Turns[1].Steps[0]);
        Assert.Equal((429, TimeSpan.FromSeconds(2), 3), (rateLimited.Fault!.StatusCode, rateLimited.Fault.RetryAfter, rateLimited.Repeat));
        Assert.True(hang.Fault!.Hangs);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), slow.FirstTokenDelay);
        Assert.Matches(slow.ExpectSystem!, "Joe's GARAGE");
        Assert.Equal((500, true), (always.Fault!.StatusCode, always.RepeatForever));
    }

    [Theory]
    [InlineData("turns:\n  - steps:\n      - sya: hi\n", ":3: unknown key 'sya' in a step")]
    [InlineData("turns:\n  - steps:\n      - { say: hi, fault: hang }\n", ":3: a step has either a fault or say/tool_calls")]
    [InlineData("turns:\n  - steps:\n      - { say: hi, repeat: 2 }\n", ":3: repeat is for fault steps")]
    [InlineData("turns:\n  - steps:\n      - { fault: { status: 200 } }\n", ":3: fault status must be 400-599")]
    [InlineData("turns:\n  - steps:\n      - { fault: boom }\n", ":3: fault is hang or")]
    [InlineData("turns:\n  - steps:\n      - tool_calls: [ { name: t, arguments: { a: 1 }, raw_arguments: x } ]\n", ":3: a tool call has arguments or raw_arguments, not both")]
    [InlineData("turns:\n  - steps:\n      - tool_calls: [ { arguments: { a: 1 } } ]\n", ":3: a tool call needs a name")]
    [InlineData("turns:\n  - caller: \"(unclosed\"\n    steps: [ { say: hi } ]\n", ":2: bad pattern /(unclosed/")]
    [InlineData("turns:\n  - caller: x\n", ":2: a turn needs steps")]
    [InlineData("turns:\n  - steps: [ { fault: hang, repeat: all }, { say: hi } ]\n", "turn 1 step 1: a fault with repeat: all answers every later request")]
    [InlineData("turns:\n  - steps: [ { say: hi, first_token_delay_ms: soon } ]\n", ":2: first_token_delay_ms must be a number")]
    [InlineData("turns: [ { steps: [ { say: hi } ] ]\n", "script.yaml:")]
    [InlineData("", "the script is empty")]
    [InlineData("fallback: maybe\nturns: []\n", ":1: fallback is written as 'fallback: expected'")]
    public void Parse_MistakenScript_FormatExceptionNamesTheFileLineAndMistake(string yaml, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ModelScript.Parse(yaml, "script.yaml"));

        Assert.StartsWith("script.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FallbackExpected_IsReadForTheRunner()
    {
        var script = ModelScript.Parse("scenario: model-down\nfallback: expected\nturns:\n  - steps: [ { fault: { status: 500 }, repeat: all } ]\n");

        Assert.True(script.FallbackExpected);
        Assert.True(ModelScript.Turn().FailsEveryRequest(ScriptFault.ServerError).ExpectingFallback().Build().FallbackExpected);
    }

    [Fact]
    public void Load_ReadsTheFileAndNamesItAsTheSource()
    {
        var path = Path.Combine(Path.GetTempPath(), $"model-script-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Booking);
        try
        {
            var script = ModelScript.Load(path);

            Assert.Equal(path, script.Source);
            Assert.Equal(2, script.Turns.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Builder_WritesTheSameScriptAsTheYaml()
    {
        var booking = new { service = "oil change", start = "2026-12-02T09:00" };
        var built = ModelScript.For("book-known-caller-one-breath")
            .Turn("(?i)oil change").Calls("check_availability", new { service = "oil change", date = "2026-12-02", time = "09:00" })
            .Then().ExpectsToolResult("check_availability", "(?i)\"Free\"").Calls("book_appointment", booking)
            .Then().Says("That's an oil change tomorrow, Wednesday, at 9 AM. Shall I book it?")
            .Turn("(?i)^yes").Calls("book_appointment", booking)
            .Then().Says("You're booked for an oil change tomorrow at 9 AM. Anything else?")
            .Build();
        var parsed = ModelScript.Parse(Booking);

        Assert.Equal(parsed.Scenario, built.Scenario);
        Assert.Equal(Shape(parsed), Shape(built));
    }

    [Fact]
    public void Builder_SecondSayInOneStep_IsRefused()
    {
        var builder = ModelScript.Turn().Says("Hi.");

        Assert.Throws<InvalidOperationException>(() => builder.Says("Hello."));
    }

    [Fact]
    public void Builder_StepWithNothingToAnswer_IsRefusedOnBuild()
    {
        var builder = ModelScript.Turn().ExpectsSystem("garage");

        Assert.Throws<ArgumentException>(() => builder.Build());
    }

    private static string[] Shape(ModelScript script) => script.Turns
        .SelectMany((turn, t) => turn.Steps.Select((step, s) =>
            $"{t}/{s} {turn.Caller} {step.Describe()} {string.Join(",", step.ToolCalls.Select(call => call.Arguments))} {string.Join(",", step.ExpectToolResults.Select(pair => $"{pair.Key}={pair.Value}"))}"))
        .ToArray();
}
