using System.Reflection;
using System.Text.RegularExpressions;
using VoiceAgent.Core.Telemetry;
using VoiceAgent.WebPubSubHost.Events;
using VoiceAgent.Core.LiveEvents;

namespace VoiceAgent.Infra.Tests;

/// <summary>The app settings the code reads, derived from the code itself, and the settings infra sets for other readers.</summary>
internal static partial class AppSettingsCatalog
{
    /// <summary>
    /// Local-only settings that must never reach Azure: a storage connection string carries an account key; the staff
    /// dev tokens (tenant id → token) would sign anyone in as a tenant's staff; the Twilio API base URL points the REST
    /// client (and the account's credentials it sends) at a local stand-in instead of Twilio. <see cref="IsLocalOnly"/>
    /// also matches their children: a dictionary arrives as environment variables <c>StaffAuth__DevTokens__&lt;tenantId&gt;</c>.
    /// </summary>
    public static readonly IReadOnlySet<string> LocalOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "Storage__ConnectionString", "StaffAuth__DevTokens", "Twilio__ApiBaseUrl", "WebPubSub__ConnectionString",

        // The key the function app signs its live call events to the real-time host's local fan-out with (tools/dev); in
        // Azure both publish to Web PubSub itself.
        "WebPubSub__LocalAccessKey",

        // A Speech resource key for local runs; the Azure resource has keys off and the host signs in with its identity.
        "Speech__Key",
    };

    /// <summary>
    /// Tuning knobs and an alternative sign-in whose code defaults are right in Azure; an operator may add them as app
    /// settings, but infra deliberately leaves them out. Everything else the code reads must be set in Bicep.
    /// </summary>
    public static readonly IReadOnlySet<string> CodeDefaults = new HashSet<string>(StringComparer.Ordinal)
    {
        "GoogleCalendar__BaseUrl", "GoogleCalendar__TokenUrl", "GoogleCalendar__Scopes", "GoogleCalendar__Subject",
        "GoogleCalendar__ClientId", "GoogleCalendar__ClientSecret", "GoogleCalendar__RefreshToken",
        "GoogleCalendar__RequestTimeoutSeconds", "GoogleCalendar__TotalTimeoutSeconds", "GoogleCalendar__MaxRetryAttempts",
        "GoogleCalendar__RetryBaseDelay", "GoogleCalendar__MaxRetryAfterSeconds", "GoogleCalendar__CircuitBreakerBreakDuration",
        "GoogleCalendar__CircuitBreakerFailureRatio", "GoogleCalendar__CircuitBreakerMinimumThroughput", "GoogleCalendar__CircuitBreakerSamplingDuration",
        "Nhtsa__BaseUrl", "Nhtsa__TimeoutSeconds", "Nhtsa__CacheHours", "Nhtsa__CacheCapacity",

        // A real Twilio number that also reaches the seeded demo tenant, for calling a local stack from a phone
        // (tools/dev --serve --number). Unset in Azure: the demo tenant keeps its fictitious number only.
        "Demo__TwilioNumber",

        // The seeded demo tenant's transport, for local runs on the real-time host (tools/dev --transport, tools/scenarios --transport).
        "Demo__Transport",

        // The model's budgets, deadlines and breaker (LlmOptions): their defaults nest inside Voice__TurnDeadlineSeconds,
        // which LlmTests checks against what infra sets.
        "Llm__TokenBudget", "Llm__MaxReplyTokens", "Llm__ToolDeadlineSeconds", "Llm__ModelDeadlineSeconds", "Llm__MaxRequestsPerTurn",
        "Llm__Breaker",

        // Whether and how long the model writes a finished call's summary (LlmOptions): on by default, 8 s within the
        // status callback's 15 s; only the scenario runner turns it off (its scripts play the turns).
        "Llm__SummarizeCalls", "Llm__SummaryDeadlineSeconds",

        // A key for an OpenAI-compatible endpoint, added by an operator as a Key Vault reference. Infra never sets it:
        // Azure OpenAI is reached with the app's identity (LlmTests).
        "Llm__ApiKey",

        // The host's voices and speech deadlines (AzureSpeechOptions): defaults for en-US and es-US, tuned in code.
        "Speech__DefaultLanguage", "Speech__Voices", "Speech__SynthesisTimeoutSeconds", "Speech__RecognitionTimeoutSeconds",

        // The follow-up workflows' retry and wait budgets (WorkflowOptions): tuned in code.
        "Workflows__CallOutcomeWaitSeconds", "Workflows__FirstRetrySeconds", "Workflows__RedriveAfterMinutes", "Workflows__StepAttempts",

        // The real-time host's pacing (RealtimeOptions) and the incoming webhook's health-check budget for it
        // (RealtimeHostOptions): tuned in code.
        "Realtime__SilenceSeconds", "Realtime__WordsPerSecond", "Realtime__SetupTimeoutSeconds", "Realtime__MaxMessageBytes",
        "Realtime__DrainSeconds", "Realtime__HealthTimeoutSeconds", "Realtime__HealthCacheSeconds",

        // Voice activity and end of turn (VoiceActivityOptions): thresholds and hang-overs tuned in code.
        "Voice__Activity__HangoverMilliseconds", "Voice__Activity__MaxUtteranceMilliseconds", "Voice__Activity__MinUtteranceMilliseconds",
        "Voice__Activity__Mode", "Voice__Activity__ModelPath", "Voice__Activity__NoiseFloorWindowMilliseconds", "Voice__Activity__OnsetFromEnergy",
        "Voice__Activity__OnsetMilliseconds", "Voice__Activity__PostRollMilliseconds", "Voice__Activity__PreRollMilliseconds",
        "Voice__Activity__SilenceBelowDbfs", "Voice__Activity__SilenceMarginDb", "Voice__Activity__SilenceThreshold",
        "Voice__Activity__SpeechThreshold", "Voice__Activity__VoiceMarginDb",

        // The live-event queue's size and the send retries (WebPubSubOptions).
        "WebPubSub__QueueCapacity", "WebPubSub__MaxSendAttempts",
    };

    /// <summary>
    /// Set by the platform at run time, not by infra. Since the custom handler (and its <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>)
    /// is gone the isolated worker gets its host endpoint from the host, not from a setting our code reads; what is left
    /// is the operating system's own.
    /// </summary>
    public static readonly IReadOnlySet<string> ProvidedByHost = new HashSet<string>(StringComparer.Ordinal)
    {
        // The search path the local recognizer's binary is looked up on (webpubsub-host, PocketSphinxRecognizer).
        "PATH",
    };

    /// <summary>
    /// Read by the Functions host or the Azure SDK, not by our code: the host's own storage (AzureWebJobsStorage, also
    /// the Durable task hub) by identity, and the client id DefaultAzureCredential picks.
    /// </summary>
    public static readonly IReadOnlySet<string> Platform = new HashSet<string>(StringComparer.Ordinal)
    {
        "AzureWebJobsStorage__accountName",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "AZURE_CLIENT_ID",
    };

    /// <summary>Provisioned now for features not built yet. When an options class starts reading one, it leaves this list.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> Pending = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        ["function-app"] = new HashSet<string>(StringComparer.Ordinal),
        ["webpubsub-host"] = new HashSet<string>(StringComparer.Ordinal)
        {
        },
    };

    /// <summary>
    /// A local-only setting, or an entry under one (<c>StaffAuth__DevTokens__northside</c>). Case-insensitive, as .NET
    /// configuration binds keys.
    /// </summary>
    public static bool IsLocalOnly(string setting) =>
        LocalOnly.Any(local => string.Equals(setting, local, StringComparison.OrdinalIgnoreCase)
            || setting.StartsWith(local + "__", StringComparison.OrdinalIgnoreCase));

    /// <summary>What either app reads: <see cref="ReadByCode(string)"/> of both.</summary>
    public static IReadOnlySet<string> ReadByCode() =>
        ReadByCode("function-app").Union(ReadByCode("webpubsub-host")).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Every <c>Section__Property</c> of the options classes <paramref name="module"/> runs (a public <c>const string Section</c>
    /// marks one: core's in both apps, each app's own in it) and every environment variable read directly (a
    /// <c>const string …Variable</c> in the apps' source).
    /// </summary>
    public static IReadOnlySet<string> ReadByCode(string module)
    {
        var settings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in Assemblies(module).SelectMany(assembly => assembly.GetExportedTypes()))
        {
            if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is not { IsLiteral: true } field || field.GetRawConstantValue() is not string section)
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
            {
                // A nested section (Voice:Activity) is an app setting with double underscores (Voice__Activity__X).
                settings.Add($"{section.Replace(":", "__", StringComparison.Ordinal)}__{property.Name}");
            }
        }

        settings.UnionWith(DirectlyReadVariables().Values);
        return settings;
    }

    /// <summary>Options classes found by reflection, so a test can prove the scan is not vacuous.</summary>
    public static IEnumerable<string> OptionsSections() =>
        Assemblies("webpubsub-host").SelectMany(assembly => assembly.GetExportedTypes())
            .Select(t => t.GetField("Section", BindingFlags.Public | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true })
            .Select(f => (string)f!.GetRawConstantValue()!);

    /// <summary>The assemblies whose options <paramref name="module"/>'s app binds: core, and each app's own.</summary>
    private static Assembly[] Assemblies(string module) => module == "webpubsub-host"
        ? [typeof(VoiceAgentTelemetry).Assembly, typeof(LocalEventIntakeOptions).Assembly]
        : [typeof(VoiceAgentTelemetry).Assembly, typeof(VoiceAgent.Functions.Voice.RealtimeHostOptions).Assembly];

    /// <summary><c>const string XxxVariable = "NAME"</c> declarations in core/, functions/ and webpubsub-host/ (name → value).</summary>
    public static IReadOnlyDictionary<string, string> DirectlyReadVariables() =>
        SourceFiles()
            .SelectMany(file => VariableConstant().Matches(File.ReadAllText(file)))
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);

    public static IEnumerable<string> SourceFiles() =>
        new[] { "core", "functions", "webpubsub-host" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex("""const\s+string\s+(?<name>\w+Variable)\s*=\s*"(?<value>[A-Za-z0-9_]+)"\s*;""")]
    private static partial Regex VariableConstant();
}
