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

    [Fact]
    public void Workbook_IsInTheTemplate_AndChartsEveryCustomMetric()
    {
        var module = template.Module("workbook");
        Assert.Single(ArmTemplate.OfType(module, "Microsoft.Insights/workbooks"));

        var charted = MetricNamesQueried(module);

        Assert.Equal(VoiceAgentTelemetry.MetricNames.Except(Retired).Order(StringComparer.Ordinal), charted.Order(StringComparer.Ordinal));
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

        Assert.Equal(4, queries.Count);
        Assert.Subset(VoiceAgentTelemetry.MetricNames.Except(Retired).ToHashSet(), names);
        Assert.Superset(
            new HashSet<string> { VoiceAgentTelemetry.TurnDurationMetric, VoiceAgentTelemetry.RemindersMetric, VoiceAgentTelemetry.WebhookFallbacksMetric },
            names);
        Assert.Contains(queries, q => q.Contains("/api/voice/", StringComparison.Ordinal) && q.Contains("success == false", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Contains($"customDimensions.{VoiceAgentTelemetry.OutcomeTag}) == '{VoiceAgentTelemetry.ReminderFailedOutcome}'", StringComparison.Ordinal));
    }

    [Fact]
    public void MetricQueries_UseTheTagNamesTheCodeEmits()
    {
        var queries = Kql(template.Module("workbook")).Concat(Kql(template.Module("alerts"))).ToList();
        var tags = new[]
        {
            VoiceAgentTelemetry.TenantTag, VoiceAgentTelemetry.OutcomeTag, VoiceAgentTelemetry.ActionTag, VoiceAgentTelemetry.DepartmentTag,
            VoiceAgentTelemetry.ReasonTag, VoiceAgentTelemetry.CallSidTag, VoiceAgentTelemetry.EndpointTag,
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
