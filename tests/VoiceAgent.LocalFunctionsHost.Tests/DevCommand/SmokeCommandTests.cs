namespace VoiceAgent.LocalFunctionsHost.Tests.DevCommand;

/// <summary>
/// <c>tools/smoke</c> and <c>tools/twilio-webhooks</c> against the stack <c>tools/dev --serve</c> runs, with the URLs and
/// token its READY line gives: every check passes on it, a wrong token fails the check it breaks (named, exit 1), and
/// once twilio-webhooks has set the shop's number on the Twilio stand-in the Twilio check passes, unless its token is wrong.
/// </summary>
[Collection(DevCommandCollection.Name)]
public sealed class SmokeCommandTests(SmokeStack stack) : IClassFixture<SmokeStack>
{
    [Fact]
    public async Task Smoke_AgainstDevServe_PassesEveryCheck()
    {
        var result = await SmokeStack.RunAsync("smoke", [stack.Functions, "--token", stack.AuthToken, "--realtime", stack.Realtime]);

        Assert.True(result.ExitCode == 0, result.Output);
        var lines = Lines(result);
        Assert.Contains(lines, l => l.StartsWith("PASS health: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PASS greeting: ", StringComparison.Ordinal) && l.Contains("Thanks for calling Northside Auto Care.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PASS forged-signature: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PASS realtime: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("SKIP twilio-number: ", StringComparison.Ordinal)); // no Twilio account given
        Assert.DoesNotContain(lines, l => l.StartsWith("FAIL ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Smoke_WithAWrongToken_FailsTheGreetingCheck()
    {
        var result = await SmokeStack.RunAsync("smoke", [stack.Functions, "--token", "not-the-apps-token"]);

        Assert.True(result.ExitCode == 1, result.Output);
        var lines = Lines(result);
        Assert.Contains(lines, l => l.StartsWith("FAIL greeting: 403", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PASS health: ", StringComparison.Ordinal));
        Assert.DoesNotContain(stack.AuthToken, result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwilioWebhooksSet_ThenSmoke_PassesTheTwilioCheck_ButNotWithAWrongTwilioToken()
    {
        string[] smoke = [stack.Functions, "--token", stack.AuthToken, "--twilio-account-sid", stack.AccountSid, "--twilio-api-url", stack.TwilioApi];

        // The stand-in's account owns the shop's number, its webhooks unset: the check reads them through Twilio's API.
        var unset = await SmokeStack.RunAsync("smoke", smoke);
        Assert.True(unset.ExitCode == 1, unset.Output);
        Assert.Contains(Lines(unset), l => l.StartsWith("FAIL twilio-number: ", StringComparison.Ordinal) && l.Contains("voice URL is not set", StringComparison.Ordinal));

        var set = await SmokeStack.RunAsync(
            "twilio-webhooks",
            ["--app-url", stack.Functions, "--set", "--twilio-api-url", stack.TwilioApi, stack.TenantNumber],
            ("TWILIO_ACCOUNT_SID", stack.AccountSid),
            ("TWILIO_AUTH_TOKEN", stack.AuthToken));
        Assert.True(set.ExitCode == 0, set.Output);
        Assert.Contains($"  A call comes in (HTTP POST):        {stack.Functions}/api/voice/incoming", set.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(Lines(set), l => l.StartsWith($"SET {stack.TenantNumber} (PN", StringComparison.Ordinal));

        var passed = await SmokeStack.RunAsync("smoke", smoke);
        Assert.True(passed.ExitCode == 0, passed.Output);
        Assert.Contains(Lines(passed), l => l.StartsWith($"PASS twilio-number: {stack.TenantNumber}", StringComparison.Ordinal));

        var refused = await SmokeStack.RunAsync("smoke", [.. smoke, "--twilio-auth-token", "not-the-accounts-token"]);
        Assert.True(refused.ExitCode == 1, refused.Output);
        Assert.Contains(Lines(refused), l => l.StartsWith("FAIL twilio-number: Twilio refused the credentials (401", StringComparison.Ordinal));
        Assert.Contains(Lines(refused), l => l.StartsWith("PASS greeting: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwilioWebhooksSet_WithAWrongToken_FailsWithTwilios401()
    {
        var result = await SmokeStack.RunAsync(
            "twilio-webhooks",
            ["--app-url", stack.Functions, "--set", "--twilio-api-url", stack.TwilioApi, stack.TenantNumber],
            ("TWILIO_ACCOUNT_SID", stack.AccountSid),
            ("TWILIO_AUTH_TOKEN", "not-the-accounts-token"));

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains(Lines(result), l => l.StartsWith($"FAIL set {stack.TenantNumber}: Twilio refused the credentials (401", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Smoke_WithoutAToken_IsAUsageErrorNamingTheOptions()
    {
        var result = await SmokeStack.RunAsync("smoke", [stack.Functions]);

        Assert.True(result.ExitCode == 2, result.Output);
        Assert.Contains("--token TOKEN, or --key-vault NAME", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    private static string[] Lines(ProcessResult result) => result.StandardOutput.Split('\n', StringSplitOptions.TrimEntries);
}
