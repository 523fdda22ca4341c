using System.Text.RegularExpressions;
using VoiceAgent.Core.Telemetry;

namespace VoiceAgent.Infra.Tests;

/// <summary>The workbook and alert rules are in the compiled template and query exactly the metric names the code emits.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed partial class MonitoringTests(CompiledTemplateFixture template)
{
    /// <summary>
    /// Metrics of the hand-made workflow queues, which are not built (architecture D2: workflows are Durable Functions).
    /// Charting or alerting on them would watch something that can never happen; core may still declare them.
    /// </summary>
    private static readonly string[] Retired = ["voiceagent.workflow.poison_messages"];

    /// <summary>
    /// customDimensions of the Durable Functions extension's tracking events, which the Functions host logs (documented in
    /// "Diagnostics in Durable Functions": Category, and the prop__ fields).
    /// </summary>
    private static readonly string[] DurableTrackingDimensions = ["Category", "prop__functionType", "prop__state", "prop__functionName"];

    /// <summary>
    /// The OpenTelemetry GenAI client metrics Microsoft.Extensions.AI records for model requests, under the VoiceAgent
    /// meter (ChatClientFactory's <c>UseOpenTelemetry(sourceName: VoiceAgentTelemetry.Name)</c>; TelemetryTests checks),
    /// that the workbook charts: request time, tokens, and a streamed request's time to its first chunk.
    /// </summary>
    internal static readonly string[] ModelClientMetrics = ["gen_ai.client.operation.duration", "gen_ai.client.token.usage", "gen_ai.client.operation.time_to_first_chunk"];

    /// <summary>The GenAI tag that says whether <c>gen_ai.client.token.usage</c> counted input or output tokens (TelemetryTests checks).</summary>
    internal const string TokenTypeTag = "gen_ai.token.type";

    [Fact]
    public void Workbook_IsInTheTemplate_AndChartsEveryCustomMetric()
    {
        var module = template.Module("workbook");
        Assert.Single(ArmTemplate.OfType(module, "Microsoft.Insights/workbooks"));

        var charted = MetricNamesQueried(module);

        Assert.Equal(VoiceAgentTelemetry.MetricNames.Except(Retired).Concat(ModelClientMetrics).Order(StringComparer.Ordinal), charted.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Workbook_LinksToTheStaffDashboard()
    {
        var strings = ArmTemplate.Strings(template.Module("workbook")).ToList(); // the workbook's content is a variable of the module
        var passed = template.ModuleParameter("workbook", "dashboardUrl");

        Assert.Contains("LinkItem/1.0", strings);
        Assert.Contains("[parameters('dashboardUrl')]", strings);
        Assert.Equal((string?)template.Template["outputs"]!["DASHBOARD_URL"]!["value"], passed);
    }

    [Fact]
    public void RetiredWorkflowQueueMetrics_AreNeitherChartedNorAlertedOn()
    {
        var queries = Kql(template.Module("workbook")).Concat(Kql(template.Module("alerts"))).ToList();

        Assert.NotEmpty(queries);
        foreach (var retired in Retired)
        {
            Assert.DoesNotContain(queries, q => q.Contains(retired, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(queries, q => q.Contains("-poison", StringComparison.Ordinal) || q.Contains("MaxDequeueCount", StringComparison.Ordinal));
    }

    /// <summary>Failed workflows show in the Functions host's own log: the Durable extension's tracking events.</summary>
    [Fact]
    public void FailedOrchestrations_AreAlertedOn_AndCharted_FromTheDurableTrackingEvents()
    {
        const string durable = "tostring(customDimensions.Category) == 'Host.Triggers.DurableTask'";
        const string failed = "tostring(customDimensions.prop__state) == 'Failed'";

        var alert = Assert.Single(Kql(template.Module("alerts")), q => q.Contains(durable, StringComparison.Ordinal));
        Assert.StartsWith("traces", alert, StringComparison.Ordinal);
        Assert.Contains(failed, alert, StringComparison.Ordinal);
        Assert.Contains("tostring(customDimensions.prop__functionType) == 'Orchestrator'", alert, StringComparison.Ordinal);

        var chart = Assert.Single(Kql(template.Module("workbook")), q => q.Contains(durable, StringComparison.Ordinal));
        Assert.Contains(failed, chart, StringComparison.Ordinal);
        Assert.Contains("customDimensions.prop__functionName", chart, StringComparison.Ordinal);
    }

    [Fact]
    public void Workbook_LooksUpACallBySid_AndReadsTurnSpans()
    {
        var queries = Kql(template.Module("workbook")).ToList();

        Assert.Contains(queries, q => q.Contains("{CallSid}", StringComparison.Ordinal)
            && q.Contains($"customDimensions['{VoiceAgentTelemetry.CallSidTag}']", StringComparison.Ordinal)
            && q.Contains("customDimensions.CallSid", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Contains($"name == '{VoiceAgentTelemetry.TurnActivityName}'", StringComparison.Ordinal));
    }

    [Fact]
    public void AlertRules_AreInTheTemplate_AndReadRealMetricNames()
    {
        var module = template.Module("alerts");
        Assert.Single(ArmTemplate.OfType(module, "Microsoft.Insights/scheduledQueryRules"));
        var queries = Kql(module).ToList();

        var names = MetricNamesQueried(module);

        Assert.Equal(6, queries.Count);
        Assert.Subset(VoiceAgentTelemetry.MetricNames.Except(Retired).ToHashSet(), names);
        Assert.Superset(
            new HashSet<string>
            {
                VoiceAgentTelemetry.TurnDurationMetric, VoiceAgentTelemetry.WebhookFallbacksMetric, VoiceAgentTelemetry.FollowUpsFailedMetric, VoiceAgentTelemetry.SmsMetric,
                VoiceAgentTelemetry.LlmFallbacksMetric,
            },
            names);
        Assert.Contains(queries, q => q.Contains("/api/voice/", StringComparison.Ordinal) && q.Contains("success == false", StringComparison.Ordinal));
    }

    /// <summary>
    /// Issue 9: a follow-up that still fails after its retries is a recorded failure with a metric and an alert. Any one
    /// failure fires within 15 minutes, split by tenant and step so the alert says what failed where.
    /// </summary>
    [Fact]
    public void FollowUpFailures_FireOnTheFirstFailure_Within15Minutes_PerTenantAndStep()
    {
        var rule = Rule("followup-failures");

        Assert.Equal("PT15M", (string?)rule["windowSize"]);
        Assert.True(System.Xml.XmlConvert.ToTimeSpan((string)rule["evaluationFrequency"]!) <= TimeSpan.FromMinutes(15));
        Assert.Equal(0, rule["threshold"]!.GetValue<int>());
        Assert.Equal(1, rule["severity"]!.GetValue<int>());
        var query = (string)rule["query"]!;
        Assert.StartsWith($"customMetrics\n| where name == '{VoiceAgentTelemetry.FollowUpsFailedMetric}'", query, StringComparison.Ordinal);
        Assert.Contains("sum(valueSum)", query, StringComparison.Ordinal);
        Assert.Equal([VoiceAgentTelemetry.TenantTag, VoiceAgentTelemetry.StepTag], Dimensions(rule));
        AssertSummarizedBy(query, (string)rule["measure"]!, Dimensions(rule));
        AssertRulesFireAboveThreshold_SplitByTheirDimensions();
    }

    /// <summary>
    /// Issue 10: calls the model hands to the offline engine (errors, 429s, timeouts, an open breaker) are alerted on
    /// within 15 minutes, one alert per reason (the endpoint is shared by every shop), above a threshold the operator sets.
    /// </summary>
    [Fact]
    public void ModelFallbacks_AreAlertedOn_ByReason_Within15Minutes()
    {
        var rule = Rule("model-fallbacks");
        var query = (string)rule["query"]!;

        Assert.Equal("PT15M", (string?)rule["windowSize"]);
        Assert.True(System.Xml.XmlConvert.ToTimeSpan((string)rule["evaluationFrequency"]!) <= TimeSpan.FromMinutes(15));
        Assert.Equal(2, rule["severity"]!.GetValue<int>());
        Assert.StartsWith($"customMetrics\n| where name == '{VoiceAgentTelemetry.LlmFallbacksMetric}'", query, StringComparison.Ordinal);
        Assert.Contains("sum(valueSum)", query, StringComparison.Ordinal);
        Assert.Equal([VoiceAgentTelemetry.ReasonTag], Dimensions(rule));
        AssertSummarizedBy(query, (string)rule["measure"]!, Dimensions(rule));

        // The threshold is main.bicep's modelFallbackAlertCount (default 5 in 15 min), handed to the alerts module.
        Assert.Equal("[parameters('modelFallbackCount')]", (string?)rule["threshold"]);
        Assert.Equal("[parameters('modelFallbackAlertCount')]", template.ModuleParameter("alerts", "modelFallbackCount"));
        Assert.Equal(5, template.Template["parameters"]!["modelFallbackAlertCount"]!["defaultValue"]!.GetValue<int>());
        AssertRulesFireAboveThreshold_SplitByTheirDimensions();
    }

    /// <summary>Texts Twilio refused (confirmations and reminder texts alike) are alerted on, by kind; opt-outs are not failures.</summary>
    [Fact]
    public void RejectedTexts_AreAlertedOn_ByKind_WithAStatusTheCodeRecords()
    {
        var rule = Rule("sms-rejected");
        var query = (string)rule["query"]!;

        Assert.StartsWith($"customMetrics\n| where name == '{VoiceAgentTelemetry.SmsMetric}'", query, StringComparison.Ordinal);
        var status = SmsStatusFilter().Match(query);
        Assert.True(status.Success, query);
        Assert.Equal(VoiceAgentTelemetry.StatusTag, status.Groups["tag"].Value);
        Assert.Contains(status.Groups["value"].Value, SmsStatusesRecorded());
        Assert.DoesNotContain("opted", status.Groups["value"].Value, StringComparison.Ordinal);
        Assert.Equal([VoiceAgentTelemetry.KindTag], Dimensions(rule));
        AssertSummarizedBy(query, (string)rule["measure"]!, Dimensions(rule));
        Assert.Equal(0, rule["threshold"]!.GetValue<int>());
    }

    /// <summary>
    /// The reminder outcomes are the enum's names (ReminderAttemptRecorder records <c>Outcome.ToString().ToLowerInvariant()</c>),
    /// which has no failed outcome: no alert may wait for one, and the outcome chart reads that tag.
    /// </summary>
    [Fact]
    public void ReminderQueries_ReadOnlyOutcomesTheCodeCanRecord()
    {
        var outcomes = Enum.GetNames<VoiceAgent.Core.Appointments.ReminderOutcome>().Select(n => n.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var queries = Kql(template.Module("workbook")).Concat(Kql(template.Module("alerts")))
            .Where(q => q.Contains($"where name == '{VoiceAgentTelemetry.RemindersMetric}'", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(queries);
        var compared = queries.SelectMany(q => OutcomeComparison().Matches(q).Select(m => m.Groups["value"].Value)).ToList();
        Assert.All(compared, value => Assert.Contains(value, outcomes));
        Assert.Contains(queries, q => q.Contains($"tostring(customDimensions.{VoiceAgentTelemetry.OutcomeTag})", StringComparison.Ordinal) && q.Contains("by outcome", StringComparison.Ordinal));
    }

    /// <summary>The workbook shows the workflow outcomes (issue 9 acceptance): reminders by outcome over time, follow-up failures by step, texts by status and kind.</summary>
    [Fact]
    public void Workbook_ShowsWorkflowOutcomes_UnderTheirOwnHeading()
    {
        var module = template.Module("workbook");
        var variables = module["variables"]!.AsObject();
        var tiles = variables["workflowCharts"]!.AsArray().Select(c => c!.AsObject()).ToDictionary(c => (string)c["name"]!, c => (string)c["query"]!, StringComparer.Ordinal);

        AssertTile(tiles["reminders"], VoiceAgentTelemetry.RemindersMetric, VoiceAgentTelemetry.OutcomeTag, overTime: true);
        AssertTile(tiles["followup-failures"], VoiceAgentTelemetry.FollowUpsFailedMetric, VoiceAgentTelemetry.StepTag, overTime: true);
        AssertTile(tiles["sms-by-status"], VoiceAgentTelemetry.SmsMetric, VoiceAgentTelemetry.StatusTag, overTime: true);
        AssertTile(tiles["sms-by-kind"], VoiceAgentTelemetry.SmsMetric, VoiceAgentTelemetry.KindTag, overTime: false);
        Assert.Contains($"by {VoiceAgentTelemetry.KindTag}, {VoiceAgentTelemetry.StatusTag}", tiles["sms-by-kind"], StringComparison.Ordinal);

        // Every workflow tile is a KQL item of the workbook, after the "After the call" heading.
        AssertTilesLaidOut(variables);
        Assert.Contains("After the call", (string?)variables["workflowsHeader"]!["content"]!["json"], StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 10: the workbook shows the model under its own heading: turns handed to the offline engine by reason over time
    /// and by shop, the model's request time and its tokens by type (the GenAI metrics of Microsoft.Extensions.AI).
    /// </summary>
    [Fact]
    public void Workbook_ShowsTheModel_UnderItsOwnHeading()
    {
        var variables = template.Module("workbook")["variables"]!.AsObject();
        var tiles = variables["modelCharts"]!.AsArray().Select(c => c!.AsObject()).ToDictionary(c => (string)c["name"]!, c => (string)c["query"]!, StringComparer.Ordinal);

        AssertTile(tiles["model-fallbacks"], VoiceAgentTelemetry.LlmFallbacksMetric, VoiceAgentTelemetry.ReasonTag, overTime: true);
        AssertTile(tiles["model-fallbacks-by-tenant"], VoiceAgentTelemetry.LlmFallbacksMetric, VoiceAgentTelemetry.TenantTag, overTime: false);
        Assert.Contains($"by {VoiceAgentTelemetry.TenantTag}, {VoiceAgentTelemetry.ReasonTag}", tiles["model-fallbacks-by-tenant"], StringComparison.Ordinal);

        // A histogram: the mean is total time over requests, per interval; the max is the slowest request.
        var duration = tiles["model-duration"];
        Assert.StartsWith($"customMetrics\n| where name == '{ModelClientMetrics[0]}'", duration, StringComparison.Ordinal);
        Assert.Contains("sum(valueSum) / sum(valueCount)", duration, StringComparison.Ordinal);
        Assert.Contains("max(valueMax)", duration, StringComparison.Ordinal);
        var tokens = tiles["model-tokens"];
        Assert.StartsWith($"customMetrics\n| where name == '{ModelClientMetrics[1]}'", tokens, StringComparison.Ordinal);
        Assert.Contains($"tostring(customDimensions['{TokenTypeTag}'])", tokens, StringComparison.Ordinal);
        Assert.Contains("sum(valueSum) by tokenType, bin(timestamp, {TimeRange:grain})", tokens, StringComparison.Ordinal);
        var firstChunk = tiles["model-first-chunk"];
        Assert.StartsWith($"customMetrics\n| where name == '{ModelClientMetrics[2]}'", firstChunk, StringComparison.Ordinal);
        Assert.Contains("sum(valueSum) / sum(valueCount)", firstChunk, StringComparison.Ordinal);

        AssertTilesLaidOut(variables);
        Assert.Contains("The model", (string?)variables["modelHeader"]!["content"]!["json"], StringComparison.Ordinal);
    }

    [Fact]
    public void MetricQueries_UseTheTagNamesTheCodeEmits()
    {
        var queries = Kql(template.Module("workbook")).Concat(Kql(template.Module("alerts"))).ToList();
        var tags = new[]
        {
            VoiceAgentTelemetry.TenantTag, VoiceAgentTelemetry.OutcomeTag, VoiceAgentTelemetry.ActionTag, VoiceAgentTelemetry.DepartmentTag,
            VoiceAgentTelemetry.ReasonTag, VoiceAgentTelemetry.CallSidTag, VoiceAgentTelemetry.EndpointTag,
            VoiceAgentTelemetry.StepTag, VoiceAgentTelemetry.KindTag, VoiceAgentTelemetry.StatusTag, TokenTypeTag,
        };

        // Dimensions of our metrics and spans: the tags the code sets (CallSid is the log scope property of the call lookup).
        var ours = queries.Where(q => !q.StartsWith("traces", StringComparison.Ordinal))
            .SelectMany(q => Dimension().Matches(q).Select(m => m.Groups["tag"].Value))
            .Where(tag => tag != "CallSid")
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(ours);
        Assert.Subset(tags.ToHashSet(StringComparer.Ordinal), ours);

        // Dimensions of host log queries: the Durable tracking event fields.
        var host = queries.Where(q => q.StartsWith("traces", StringComparison.Ordinal))
            .SelectMany(q => Dimension().Matches(q).Select(m => m.Groups["tag"].Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(host);
        Assert.Subset(DurableTrackingDimensions.ToHashSet(StringComparer.Ordinal), host);
    }

    /// <summary>
    /// One KQL item per tile of the three groups, in order: the call charts, the "After the call" heading and its tiles,
    /// then "The model" heading and its tiles.
    /// </summary>
    private static void AssertTilesLaidOut(System.Text.Json.Nodes.JsonObject variables)
    {
        var kqlItems = variables["copy"]!.AsArray().Single(c => (string?)c!["name"] == "kqlItems")!;
        Assert.Equal("[length(concat(variables('charts'), variables('workflowCharts'), variables('modelCharts')))]", (string?)kqlItems["count"]);
        Assert.Equal(
            "[concat(variables('header'), createArray(variables('callLookup')), take(variables('kqlItems'), length(variables('charts'))), createArray(variables('workflowsHeader')), "
            + "take(skip(variables('kqlItems'), length(variables('charts'))), length(variables('workflowCharts'))), createArray(variables('modelHeader')), "
            + "skip(variables('kqlItems'), add(length(variables('charts')), length(variables('workflowCharts')))))]",
            (string?)variables["content"]!["items"]);
    }

    /// <summary>The alert rule named <paramref name="name"/> in alerts.bicep's rules (each becomes one scheduledQueryRules resource).</summary>
    private System.Text.Json.Nodes.JsonObject Rule(string name) =>
        template.Module("alerts")["variables"]!["rules"]!.AsArray().Select(r => r!.AsObject()).Single(r => (string?)r["name"] == name);

    private static List<string> Dimensions(System.Text.Json.Nodes.JsonObject rule) =>
        rule["dimensions"]!.AsArray().Select(d => (string)d!).ToList();

    /// <summary>The query yields the measured column, summarized by exactly the columns the alert splits on.</summary>
    private static void AssertSummarizedBy(string query, string measure, List<string> dimensions)
    {
        var summarize = query.Split('\n').Last();
        Assert.StartsWith($"| summarize {measure} = ", summarize, StringComparison.Ordinal);
        Assert.EndsWith(dimensions.Count == 0 ? ")" : " by " + string.Join(", ", dimensions), summarize, StringComparison.Ordinal);
        foreach (var dimension in dimensions)
        {
            Assert.Contains($"{dimension} = tostring(customDimensions.{dimension})", query, StringComparison.Ordinal);
        }
    }

    /// <summary>The one scheduledQueryRules resource fires when the measure exceeds the rule's threshold, split by the rule's dimensions.</summary>
    private void AssertRulesFireAboveThreshold_SplitByTheirDimensions()
    {
        var resource = ArmTemplate.OfType(template.Module("alerts"), "Microsoft.Insights/scheduledQueryRules").Single();
        var criterion = resource["properties"]!["criteria"]!["allOf"]!.AsArray().Single()!;

        Assert.Equal("GreaterThan", (string?)criterion["operator"]);
        Assert.Equal("[variables('rules')[copyIndex()].measure]", (string?)criterion["metricMeasureColumn"]);
        Assert.Equal("[variables('rules')[copyIndex()].threshold]", (string?)criterion["threshold"]);
        var dimensions = (string?)criterion["dimensions"];
        Assert.StartsWith("[map(variables('rules')[copyIndex()].dimensions, lambda('column', createObject('name', lambdaVariables('column'), 'operator', 'Include'", dimensions, StringComparison.Ordinal);
        Assert.Equal(1, criterion["failingPeriods"]!["minFailingPeriodsToAlert"]!.GetValue<int>());
    }

    /// <summary>A workbook tile: reads <paramref name="metric"/>, sums the counter, grouped by <paramref name="tag"/> (and time bins when over time).</summary>
    private static void AssertTile(string query, string metric, string tag, bool overTime)
    {
        Assert.StartsWith($"customMetrics\n| where name == '{metric}'", query, StringComparison.Ordinal);
        Assert.Contains($"{tag} = tostring(customDimensions.{tag})", query, StringComparison.Ordinal);
        Assert.Contains("sum(valueSum) by " + tag, query, StringComparison.Ordinal);
        Assert.Equal(overTime, query.Contains("bin(timestamp, {TimeRange:grain})", StringComparison.Ordinal));
    }

    /// <summary>The status literals core passes to <c>RecordSms(tenant, kind, "status")</c>.</summary>
    private static HashSet<string> SmsStatusesRecorded() =>
        AppSettingsCatalog.SourceFiles()
            .SelectMany(file => RecordSmsCall().Matches(File.ReadAllText(file)).Select(m => m.Groups["status"].Value))
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"RecordSms\([^;]*?,\s*""(?<status>[a-z-]+)""\)")]
    private static partial Regex RecordSmsCall();

    [GeneratedRegex(@"where tostring\(customDimensions\.(?<tag>\w+)\) == '(?<value>[^']+)'")]
    private static partial Regex SmsStatusFilter();

    [GeneratedRegex(@"customDimensions\.outcome\) == '(?<value>[^']+)'")]
    private static partial Regex OutcomeComparison();

    /// <summary>Every KQL string in a module: the strings that start from an Application Insights table.</summary>
    private static IEnumerable<string> Kql(System.Text.Json.Nodes.JsonObject module) =>
        ArmTemplate.Strings(module).Where(s => KqlStart().IsMatch(s));

    private static HashSet<string> MetricNamesQueried(System.Text.Json.Nodes.JsonObject module) =>
        Kql(module)
            .Where(q => q.Contains("customMetrics", StringComparison.Ordinal))
            .SelectMany(q => MetricName().Matches(q).Select(m => m.Groups["name"].Value))
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^(let\s+\w+\s*=\s*)?(customMetrics|requests|dependencies|traces|exceptions|union)\b")]
    private static partial Regex KqlStart();

    [GeneratedRegex(@"customMetrics\s*\n\|\s*where\s+name\s*==\s*'(?<name>[^']+)'")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"customDimensions(\.(?<tag>\w+)|\['(?<tag>[^']+)'\])")]
    private static partial Regex Dimension();
}
