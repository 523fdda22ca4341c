using System.Runtime.Versioning;

namespace VoiceAgent.Infra.Tests.Hooks;

/// <summary>
/// infra/hooks/onboard-shops.sh (the azd postdeploy hook) run for real by sh against stand-ins of the tools it drives:
/// which tools it calls, in which order, with which arguments and secrets, and where it stops. The tools themselves are
/// tested in their own projects.
/// </summary>
// The hook is a POSIX sh script, run and checked where azd runs it on Linux and macOS.
[UnsupportedOSPlatform("windows")]
public sealed class OnboardingHookTests : IDisposable
{
    private const string FunctionsUrl = "https://func-voice-abc123.azurewebsites.net";
    private const string StorageAccount = "stabc123";
    private const string KeyVault = "kv-abc123";
    private const string AccountSid = "AC00000000000000000000000000000000";
    private const string Secret = "token-from-key-vault-7f3a";

    private readonly OnboardingHookSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Run_WithoutProfilesFolder_AppliesNothingAndPrintsTheAppsTwilioUrls()
    {
        var run = await _sandbox.RunAsync(new Dictionary<string, string>
        {
            ["FUNCTIONS_URL"] = FunctionsUrl,
            ["TWILIO_VOICE_URL"] = FunctionsUrl + "/api/voice/incoming",
            ["TWILIO_FALLBACK_URL"] = FunctionsUrl + "/api/voice/fallback",
            ["TWILIO_STATUS_CALLBACK_URL"] = FunctionsUrl + "/api/voice/status",
        });

        Assert.True(run.Result.ExitCode == 0, run.Describe());
        Assert.Empty(run.Calls);
        Assert.Contains("TENANT_PROFILES_DIR is not set", run.Result.StandardOutput, StringComparison.Ordinal);
        foreach (var path in new[] { "/api/voice/incoming", "/api/voice/fallback", "/api/voice/status", "/api/sms/incoming" })
        {
            Assert.Contains(FunctionsUrl + path, run.Result.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Run_WithProfiles_ReadsTheNumbersAppliesTheProfilesThenPrintsEachNumbersWebhooks()
    {
        var run = await _sandbox.RunAsync(Profiles());

        Assert.True(run.Result.ExitCode == 0, run.Describe());
        Assert.Equal(
            [
                $"tenant numbers {_sandbox.ProfilesDirectory}",
                $"tenant apply {_sandbox.ProfilesDirectory} --account {StorageAccount}",
                $"twilio-webhooks --app-url {FunctionsUrl} +15555550100 +15555550123",
            ],
            run.Calls.Select(call => $"{call.Tool} {call.Arguments}"));
        Assert.Contains("webhooks printed by the stand-in", run.Result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("TWILIO_SET_WEBHOOKS", run.Result.StandardOutput, StringComparison.Ordinal);
        Assert.All(run.Calls, call => Assert.Null(call.AuthToken));
    }

    /// <summary>A relative TENANT_PROFILES_DIR starts at the project folder (where azure.yaml is), wherever the hook is started.</summary>
    [Fact]
    public async Task Run_RelativeProfilesFolder_IsFoundFromTheProjectFolder()
    {
        var environment = Profiles();
        environment["TENANT_PROFILES_DIR"] = "infra/hooks";

        var run = await _sandbox.RunAsync(environment, workingDirectory: _sandbox.Folder);

        Assert.True(run.Result.ExitCode == 0, run.Describe());
        Assert.Equal("numbers infra/hooks", run.To("tenant").First().Arguments);
    }

    [Fact]
    public async Task Run_SettingWebhooks_ReadsTheTokenFromKeyVaultAndHandsItToTwilioWebhooksAlone()
    {
        var environment = SetWebhooks();
        // azd exports every environment value to its hooks, the README's `azd env set TWILIO_AUTH_TOKEN` too.
        environment["TWILIO_AUTH_TOKEN"] = "token-from-the-azd-environment";

        var run = await _sandbox.RunAsync(environment);

        Assert.True(run.Result.ExitCode == 0, run.Describe());
        var read = Assert.Single(run.To("az"));
        Assert.Equal($"keyvault secret show --vault-name {KeyVault} --name twilio-auth-token --query value --output tsv", read.Arguments);
        var set = Assert.Single(run.To("twilio-webhooks"));
        Assert.Equal($"--app-url {FunctionsUrl} --set +15555550100 +15555550123", set.Arguments);
        Assert.Equal((AccountSid, Secret), (set.AccountSid, set.AuthToken));
        Assert.All(run.Calls.Where(call => call.Tool != "twilio-webhooks"), call => Assert.Equal((null, null), (call.AccountSid, call.AuthToken)));
        Assert.Equal(["numbers", "apply"], run.To("tenant").Select(call => call.Arguments.Split(' ')[0]));
        Assert.DoesNotContain(Secret, run.Result.StandardOutput + run.Result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SetToFalse_PrintsAndNeverReadsTheSecret()
    {
        var environment = SetWebhooks();
        environment["TWILIO_SET_WEBHOOKS"] = "false";

        var run = await _sandbox.RunAsync(environment);

        Assert.True(run.Result.ExitCode == 0, run.Describe());
        Assert.Empty(run.To("az"));
        Assert.DoesNotContain("--set", Assert.Single(run.To("twilio-webhooks")).Arguments, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> MissingSettings => new()
    {
        { "no FUNCTIONS_URL", "FUNCTIONS_URL is not set" },
        { "no AZURE_STORAGE_ACCOUNT_NAME", "AZURE_STORAGE_ACCOUNT_NAME is not set" },
        { "no tools/tenant", "tools/tenant not found" },
        { "no tools/twilio-webhooks", "tools/twilio-webhooks not found" },
        { "profiles folder missing", "TENANT_PROFILES_DIR '" },
        { "TWILIO_SET_WEBHOOKS=yes", "TWILIO_SET_WEBHOOKS must be true or false" },
        { "set without profiles", "TWILIO_SET_WEBHOOKS=true needs TENANT_PROFILES_DIR" },
        { "set without az", "az is not on PATH" },
        { "set without AZURE_KEY_VAULT_NAME", "AZURE_KEY_VAULT_NAME is not set" },
        { "set without TWILIO_ACCOUNT_SID", "needs TWILIO_ACCOUNT_SID" },
        { "secret unreadable", "could not read secret 'twilio-auth-token'" },
        { "secret empty", "secret 'twilio-auth-token' in Key Vault 'kv-abc123' is empty" },
        { "profiles do not parse", "tools/tenant validate" },
        { "number not E.164", "not an E.164 number" },
    };

    /// <summary>A missing tool or setting, or a failed read, stops the hook with its name before anything is written or set.</summary>
    [Theory]
    [MemberData(nameof(MissingSettings))]
    public async Task Run_MissingToolOrSetting_FailsNamingItBeforeWritingAnything(string situation, string message)
    {
        var environment = Arrange(situation);

        var run = await _sandbox.RunAsync(environment);

        Assert.True(run.Result.ExitCode != 0, run.Describe());
        Assert.Contains(message, run.Result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(run.To("tenant"), call => call.Arguments.StartsWith("apply", StringComparison.Ordinal));
        Assert.Empty(run.To("twilio-webhooks"));
    }

    [Fact]
    public async Task Run_ApplyFails_StopsBeforeTheWebhooks()
    {
        var environment = SetWebhooks();
        environment["FAKE_APPLY_EXIT"] = "1";

        var run = await _sandbox.RunAsync(environment);

        Assert.True(run.Result.ExitCode != 0, run.Describe());
        Assert.Contains("Storage Table Data Contributor", run.Result.StandardError, StringComparison.Ordinal);
        Assert.Empty(run.To("twilio-webhooks"));
    }

    [Fact]
    public async Task Run_WebhooksFail_FailsTheHookAndSaysHowToRetry()
    {
        var environment = SetWebhooks();
        environment["FAKE_WEBHOOKS_EXIT"] = "1";

        var run = await _sandbox.RunAsync(environment);

        Assert.True(run.Result.ExitCode != 0, run.Describe());
        Assert.Contains("azd hooks run postdeploy", run.Result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.Result.StandardOutput + run.Result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ProfilesWithoutNumbers_AppliesThemAndSetsNothing()
    {
        var environment = SetWebhooks();
        environment["FAKE_NUMBERS"] = string.Empty;

        var run = await _sandbox.RunAsync(environment);

        Assert.True(run.Result.ExitCode == 0, run.Describe());
        Assert.Single(run.To("tenant"), call => call.Arguments.StartsWith("apply", StringComparison.Ordinal));
        Assert.Empty(run.To("az"));
        Assert.Empty(run.To("twilio-webhooks"));
        Assert.Contains("no phone numbers", run.Result.StandardOutput, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Arrange(string situation)
    {
        var environment = situation.StartsWith("set", StringComparison.Ordinal) || situation.StartsWith("secret", StringComparison.Ordinal)
            ? SetWebhooks()
            : Profiles();
        switch (situation)
        {
            case "no FUNCTIONS_URL": environment.Remove("FUNCTIONS_URL"); break;
            case "no AZURE_STORAGE_ACCOUNT_NAME": environment.Remove("AZURE_STORAGE_ACCOUNT_NAME"); break;
            case "no tools/tenant": _sandbox.RemoveTool("tenant"); break;
            case "no tools/twilio-webhooks": _sandbox.RemoveTool("twilio-webhooks"); break;
            case "profiles folder missing": environment["TENANT_PROFILES_DIR"] = Path.Combine(_sandbox.Folder, "no-such-folder"); break;
            case "TWILIO_SET_WEBHOOKS=yes": environment["TWILIO_SET_WEBHOOKS"] = "yes"; break;
            case "set without profiles": environment.Remove("TENANT_PROFILES_DIR"); break;
            case "set without az": _sandbox.RemoveAzureCli(); break;
            case "set without AZURE_KEY_VAULT_NAME": environment.Remove("AZURE_KEY_VAULT_NAME"); break;
            case "set without TWILIO_ACCOUNT_SID": environment.Remove("TWILIO_ACCOUNT_SID"); break;
            case "secret unreadable": environment["FAKE_AZ_EXIT"] = "3"; break;
            case "secret empty": environment["FAKE_SECRET"] = string.Empty; break;
            case "profiles do not parse": environment["FAKE_NUMBERS_EXIT"] = "1"; break;
            case "number not E.164": environment["FAKE_NUMBERS"] = @"+15555550100\n5555550123\n"; break;
            default: throw new ArgumentOutOfRangeException(nameof(situation), situation, "No such situation.");
        }

        return environment;
    }

    /// <summary>What azd's environment holds after `azd provision` with TENANT_PROFILES_DIR set; two numbers in the profiles.</summary>
    private Dictionary<string, string> Profiles() => new()
    {
        ["FUNCTIONS_URL"] = FunctionsUrl,
        ["AZURE_STORAGE_ACCOUNT_NAME"] = StorageAccount,
        ["AZURE_KEY_VAULT_NAME"] = KeyVault,
        ["TWILIO_ACCOUNT_SID"] = AccountSid,
        ["TENANT_PROFILES_DIR"] = _sandbox.ProfilesDirectory,
        ["FAKE_NUMBERS"] = @"+15555550100\n+15555550123\n",
    };

    /// <summary><see cref="Profiles"/> with TWILIO_SET_WEBHOOKS=true and the secret in Key Vault.</summary>
    private Dictionary<string, string> SetWebhooks()
    {
        var environment = Profiles();
        environment["TWILIO_SET_WEBHOOKS"] = "true";
        environment["FAKE_SECRET"] = Secret;
        return environment;
    }
}
