using VoiceAgent.LocalStack;

namespace VoiceAgent.LocalFunctionsHost.Tests.DevCommand;

/// <summary>
/// One <c>tools/dev --serve</c> stack for the smoke command's tests, and the commands under test run against it as an
/// operator runs them: <c>tools/smoke</c> and <c>tools/twilio-webhooks</c> (already built), with no Twilio account in the
/// environment unless a test gives one.
/// </summary>
public sealed class SmokeStack : IAsyncLifetime
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);
    private DevServe? _serve;

    public DevServe Serve => _serve ?? throw new InvalidOperationException("tools/dev --serve did not start.");

    public string Functions => Serve.Functions;

    public string AuthToken => Read("authToken");

    public string TwilioApi => Read("twilioApi");

    public string AccountSid => Read("accountSid");

    public string Realtime => Read("realtime");

    public string TenantNumber => Read("tenantNumber");

    public async Task InitializeAsync() => _serve = await DevServe.StartAsync("--no-build");

    public async Task DisposeAsync()
    {
        if (_serve is not null)
        {
            await _serve.DisposeAsync();
        }
    }

    /// <summary>Runs <c>tools/<paramref name="command"/> --no-build</c> with <paramref name="arguments"/>; <paramref name="environment"/> is all of Twilio's it sees.</summary>
    public static Task<ProcessResult> RunAsync(string command, IEnumerable<string> arguments, params (string Name, string Value)[] environment) =>
        ProcessRunner.RunAsync(
            "env",
            ["-u", "TWILIO_ACCOUNT_SID", "-u", "TWILIO_AUTH_TOKEN", .. environment.Select(e => $"{e.Name}={e.Value}"), "bash", $"tools/{command}", "--no-build", .. arguments],
            RepositoryRoot.Find(),
            CommandTimeout);

    private string Read(string name) => Serve.Ready.GetProperty(name).GetString() ?? throw new InvalidOperationException($"READY has no {name}.");
}
