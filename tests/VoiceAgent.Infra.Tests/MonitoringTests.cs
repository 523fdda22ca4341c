using System.Text.RegularExpressions;
using VoiceAgent.Core.Telemetry;

namespace VoiceAgent.Infra.Tests;

/// <summary>The workbook and alert rules are in the compiled template and query exactly the metric names the code emits.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed partial class MonitoringTests(CompiledTemplateFixture template)
{
    [Fact]
    public void Workbook_IsInTheTemplate_AndChartsEveryCustomMetric()
    {
        var module = template.Module("workbook");
        Assert.Single(ArmTemplate.OfType(module, "Microsoft.Insights/workbooks"));

        var charted = MetricNamesQueried(module);

        Assert.Equal(VoiceAgentTelemetry.MetricNames.Order(StringComparer.Ordinal), charted.Order(StringComparer.Ordinal));
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
        Assert.Subset(VoiceAgentTelemetry.MetricNames.ToHashSet(), names);
        Assert.Superset(
            new HashSet<string> { VoiceAgentTelemetry.TurnDurationMetric, VoiceAgentTelemetry.PoisonMessagesMetric, VoiceAgentTelemetry.RemindersMetric, VoiceAgentTelemetry.WebhookFallbacksMetric },
            names);
        Assert.Contains(queries, q => q.Contains("/api/voice/", StringComparison.Ordinal) && q.Contains("success == false", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Contains($"customDimensions.{VoiceAgentTelemetry.OutcomeTag}) == '{VoiceAgentTelemetry.ReminderFailedOutcome}'", StringComparison.Ordinal));
    }

    [Fact]
    public void MetricQueries_UseTheTagNamesTheCodeEmits()
    {
        var dimensions = Kql(template.Module("workbook")).Concat(Kql(template.Module("alerts")))
            .SelectMany(q => Dimension().Matches(q).Select(m => m.Groups["tag"].Value))
            .Where(tag => tag != "CallSid")
            .ToHashSet(StringComparer.Ordinal);
        var tags = new[]
        {
            VoiceAgentTelemetry.TenantTag, VoiceAgentTelemetry.OutcomeTag, VoiceAgentTelemetry.ActionTag, VoiceAgentTelemetry.DepartmentTag,
            VoiceAgentTelemetry.QueueTag, VoiceAgentTelemetry.ReasonTag, VoiceAgentTelemetry.CallSidTag, VoiceAgentTelemetry.EndpointTag,
        };

        Assert.Subset(tags.ToHashSet(StringComparer.Ordinal), dimensions);
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
