// Log alert rules over Application Insights. The KQL reads the custom metrics the apps emit (names as in
// core/Telemetry/VoiceAgentTelemetry.cs; a test checks), the requests the voice webhooks record, and the Durable
// Functions extension's tracking events that the Functions host logs (customDimensions.prop__*).
// Any booking follow-up that ends failed fires within the 15 min window: nothing after a call is dropped silently.
// Reminders fail into texts (a refused or unanswered call ends as the reminder text), so a reminder that reaches nobody
// shows as a refused text (sms-rejected, kind sms-reminder) or a failed ReminderCall orchestration (workflow-failures).
// With a language model configured, calls it hands to the offline engine show as model-fallbacks (never fires without one).

param location string
param tags object
param namePrefix string
param applicationInsightsId string
@description('Alert when more than this percentage of voice webhook requests fail or hit the fallback URL.')
param webhookFailureRatePercent int
@description('Turn latency budget (ms) for the p95 alert.')
param turnLatencyBudgetMs int
@description('Alert when more model turns than this are handed to the offline engine in 15 min, for one reason.')
param modelFallbackCount int
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
    dimensions: []
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
    dimensions: []
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
    dimensions: []
  }
  {
    name: 'followup-failures'
    displayName: 'VoiceAgent: booking follow-up failed'
    description: 'A booking follow-up step (confirmation text, calendar sync, reminder scheduling, cancelling the old time of a move) still failed after its bounded retries and is recorded as failed on its FollowUps row (voiceagent.followups.failed). One alert per tenant and step; the staff re-drive command completes it.'
    severity: 1
    windowSize: 'PT15M'
    evaluationFrequency: 'PT5M'
    query: 'customMetrics\n| where name == \'voiceagent.followups.failed\'\n| extend tenant = tostring(customDimensions.tenant), step = tostring(customDimensions.step)\n| summarize failures = sum(valueSum) by tenant, step'
    measure: 'failures'
    threshold: 0
    dimensions: ['tenant', 'step']
  }
  {
    name: 'sms-rejected'
    displayName: 'VoiceAgent: texts refused by Twilio'
    description: 'Confirmation, reminder or help texts Twilio refused for a reason other than an opt-out (voiceagent.sms with status rejected): a bad number, a sender not allowed to text, an account problem. Opt-outs (21610) are recorded as opt-outs, not counted here.'
    severity: 2
    windowSize: 'PT1H'
    evaluationFrequency: 'PT15M'
    query: 'customMetrics\n| where name == \'voiceagent.sms\'\n| where tostring(customDimensions.status) == \'rejected\'\n| extend kind = tostring(customDimensions.kind)\n| summarize rejected = sum(valueSum) by kind'
    measure: 'rejected'
    threshold: 0
    dimensions: ['kind']
  }
  {
    name: 'model-fallbacks'
    displayName: 'VoiceAgent: language model failing over to the offline engine'
    description: 'Model turns answered by the offline engine instead (voiceagent.llm.fallbacks), by reason: timeout, rate_limited (429: quota), server_error, error, empty_reply, or breaker_open (the model was failing, new calls start offline until the breaker closes). Callers still get answers; they lose the model. One alert per reason: the endpoint is shared by every shop.'
    severity: 2
    windowSize: 'PT15M'
    evaluationFrequency: 'PT5M'
    query: 'customMetrics\n| where name == \'voiceagent.llm.fallbacks\'\n| extend reason = tostring(customDimensions.reason)\n| summarize fallbacks = sum(valueSum) by reason'
    measure: 'fallbacks'
    threshold: modelFallbackCount
    dimensions: ['reason']
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
            // Split by these columns of the query result: one alert per tenant and step names what failed where.
            dimensions: map(rule.dimensions, column => {
              name: column
              operator: 'Include'
              values: ['*']
            })
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
