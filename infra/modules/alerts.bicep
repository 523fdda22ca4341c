// Log alert rules over Application Insights. The KQL reads the custom metrics the apps emit (names as in
// core/Telemetry/VoiceAgentTelemetry.cs; a test checks), the requests the voice webhooks record, and the Durable
// Functions extension's tracking events that the Functions host logs (customDimensions.prop__*).

param location string
param tags object
param namePrefix string
param applicationInsightsId string
@description('Alert when more than this percentage of voice webhook requests fail or hit the fallback URL.')
param webhookFailureRatePercent int
@description('Turn latency budget (ms) for the p95 alert.')
param turnLatencyBudgetMs int
@description('Empty: rules fire in the portal only. Otherwise an action group mails this address.')
param alertEmailAddress string

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmailAddress)) {
  name: '${namePrefix}operators'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'voiceagent'
    enabled: true
    emailReceivers: [
      {
        name: 'operator'
        emailAddress: alertEmailAddress
        useCommonAlertSchema: true
      }
    ]
  }
}

var rules = [
  {
    name: 'webhook-failure-rate'
    displayName: 'VoiceAgent: voice webhook failure rate'
    description: 'Voice webhooks answering 5xx, answering the apology TwiML because something failed behind them (voiceagent.webhook.fallbacks), or Twilio falling back to /api/voice/fallback.'
    severity: 1
    windowSize: 'PT15M'
    evaluationFrequency: 'PT5M'
    query: 'let handled = customMetrics\n| where name == \'voiceagent.webhook.fallbacks\'\n| summarize n = sum(valueSum);\nrequests\n| where url has \'/api/voice/\'\n| summarize total = count(), failed = countif(success == false or url has \'/api/voice/fallback\')\n| extend failureRate = iff(total == 0, 0.0, 100.0 * (failed + coalesce(toscalar(handled), 0.0)) / total)'
    measure: 'failureRate'
    threshold: webhookFailureRatePercent
  }
  {
    name: 'turn-latency-p95'
    displayName: 'VoiceAgent: p95 turn latency over budget'
    description: 'p95 over export intervals of the per-interval maximum turn time: an upper bound of the true p95.'
    severity: 2
    windowSize: 'PT15M'
    evaluationFrequency: 'PT5M'
    query: 'customMetrics\n| where name == \'voiceagent.turn.duration\'\n| summarize p95_ms = percentile(valueMax, 95)'
    measure: 'p95_ms'
    threshold: turnLatencyBudgetMs
  }
  {
    name: 'workflow-failures'
    displayName: 'VoiceAgent: workflow orchestrations failed'
    description: 'A booking or reminder orchestration ended Failed (the Durable Functions extension\'s tracking events in the Functions host log).'
    severity: 1
    windowSize: 'PT1H'
    evaluationFrequency: 'PT15M'
    query: 'traces\n| where tostring(customDimensions.Category) == \'Host.Triggers.DurableTask\'\n| where tostring(customDimensions.prop__functionType) == \'Orchestrator\' and tostring(customDimensions.prop__state) == \'Failed\'\n| summarize failed = count()'
    measure: 'failed'
    threshold: 0
  }
  {
    name: 'reminder-failures'
    displayName: 'VoiceAgent: reminder failures'
    description: 'Reminder calls that ended with the failed outcome.'
    severity: 2
    windowSize: 'PT1H'
    evaluationFrequency: 'PT15M'
    query: 'customMetrics\n| where name == \'voiceagent.reminders\'\n| where tostring(customDimensions.outcome) == \'failed\'\n| summarize failures = sum(valueSum)'
    measure: 'failures'
    threshold: 0
  }
]

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for rule in rules: {
    name: '${namePrefix}${rule.name}'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: rule.displayName
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [applicationInsightsId]
      evaluationFrequency: rule.evaluationFrequency
      windowSize: rule.windowSize
      autoMitigate: true
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: 'Maximum'
            metricMeasureColumn: rule.measure
            operator: 'GreaterThan'
            threshold: rule.threshold
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      actions: {
        actionGroups: empty(alertEmailAddress) ? [] : [actionGroup.id]
      }
    }
  }
]

output ruleNames array = [for (rule, i) in rules: alertRules[i].name]
