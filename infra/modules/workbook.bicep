// Azure Monitor workbook over Application Insights: the custom metrics the apps emit (names as in
// core/Telemetry/VoiceAgentTelemetry.cs; a test checks they match), webhook health, a call lookup by call SID, and the
// workflow outcomes after the call: reminders by outcome, follow-ups that failed by step, texts by status and kind,
// and failed Durable Functions workflows (the extension's tracking events in the Functions host log); and the language
// model: fallbacks to the offline engine, request time and tokens.
// customMetrics holds one row per export interval and tag set: counters are sum(valueSum); histograms carry
// valueSum/valueCount/valueMin/valueMax. Exact turn percentiles come from the turn spans (dependencies).

param location string
param tags object
param displayName string
param applicationInsightsId string

@description('The staff dashboard (the function app\'s /api/dashboard), linked from the workbook\'s first tile.')
param dashboardUrl string

var charts = [
  {
    name: 'turn-latency'
    title: 'Turn latency (ms): mean and max per interval'
    visualization: 'timechart'
    query: 'customMetrics\n| where name == \'voiceagent.turn.duration\'\n| summarize mean_ms = sum(valueSum) / sum(valueCount), max_ms = max(valueMax) by bin(timestamp, {TimeRange:grain})\n| render timechart'
  }
  {
    name: 'turn-percentiles'
    title: 'Turn latency percentiles (ms), from turn spans'
    visualization: 'timechart'
    query: 'dependencies\n| where name == \'voiceagent.turn\'\n| summarize p50 = percentile(duration, 50), p95 = percentile(duration, 95) by bin(timestamp, {TimeRange:grain})\n| render timechart'
  }
  {
    name: 'calls-by-outcome'
    title: 'Calls by outcome'
    visualization: 'barchart'
    query: 'customMetrics\n| where name == \'voiceagent.calls\'\n| extend outcome = tostring(customDimensions.outcome)\n| summarize calls = sum(valueSum) by outcome, bin(timestamp, {TimeRange:grain})\n| render columnchart'
  }
  {
    name: 'bookings'
    title: 'Bookings (booked, rescheduled, cancelled)'
    visualization: 'barchart'
    query: 'customMetrics\n| where name == \'voiceagent.bookings\'\n| extend action = tostring(customDimensions.action)\n| summarize bookings = sum(valueSum) by action, bin(timestamp, {TimeRange:grain})\n| render columnchart'
  }
  {
    name: 'transfers'
    title: 'Transfers to a person, by department'
    visualization: 'barchart'
    query: 'customMetrics\n| where name == \'voiceagent.transfers\'\n| extend department = tostring(customDimensions.department)\n| summarize transfers = sum(valueSum) by department, bin(timestamp, {TimeRange:grain})\n| render columnchart'
  }
  {
    name: 'webhook-fallbacks'
    title: 'Voice webhooks answered with the apology after a failure, by endpoint'
    visualization: 'barchart'
    query: 'customMetrics\n| where name == \'voiceagent.webhook.fallbacks\'\n| extend endpoint = tostring(customDimensions.endpoint)\n| summarize fallbacks = sum(valueSum) by endpoint, bin(timestamp, {TimeRange:grain})\n| render columnchart'
  }
  {
    name: 'webhooks'
    title: 'Voice webhooks: requests, failures and fallback-URL hits'
    visualization: 'timechart'
    query: 'requests\n| where url has \'/api/voice/\'\n| summarize requests = count(), failed = countif(success == false), fallback = countif(url has \'/api/voice/fallback\') by bin(timestamp, {TimeRange:grain})\n| render timechart'
  }
]

// After the call: the booking follow-ups (texts, calendar, reminder scheduling), the reminder workflow and every text.
var workflowCharts = [
  {
    name: 'reminders'
    title: 'Reminder outcomes over time (confirmed, cancelled, rescheduled, voicemail, unreached, texted)'
    visualization: 'timechart'
    query: 'customMetrics\n| where name == \'voiceagent.reminders\'\n| extend outcome = tostring(customDimensions.outcome)\n| summarize reminders = sum(valueSum) by outcome, bin(timestamp, {TimeRange:grain})\n| render timechart'
  }
  {
    name: 'followup-failures'
    title: 'Booking follow-ups that failed after their retries, by step (re-drive them from the staff API)'
    visualization: 'barchart'
    query: 'customMetrics\n| where name == \'voiceagent.followups.failed\'\n| extend step = tostring(customDimensions.step)\n| summarize failures = sum(valueSum) by step, bin(timestamp, {TimeRange:grain})\n| render columnchart'
  }
  {
    name: 'sms-by-status'
    title: 'Texts by status over time'
    visualization: 'barchart'
    query: 'customMetrics\n| where name == \'voiceagent.sms\'\n| extend status = tostring(customDimensions.status)\n| summarize texts = sum(valueSum) by status, bin(timestamp, {TimeRange:grain})\n| render columnchart'
  }
  {
    name: 'sms-by-kind'
    title: 'Texts by kind (confirmation, reminder, help…) and status'
    visualization: 'table'
    query: 'customMetrics\n| where name == \'voiceagent.sms\'\n| extend kind = tostring(customDimensions.kind), status = tostring(customDimensions.status)\n| summarize texts = sum(valueSum) by kind, status\n| order by kind asc, status asc'
  }
  {
    name: 'workflow-failures'
    title: 'Workflow orchestrations and activities that failed, by function (Durable Functions tracking events)'
    visualization: 'barchart'
    query: 'traces\n| where tostring(customDimensions.Category) == \'Host.Triggers.DurableTask\'\n| where tostring(customDimensions.prop__state) == \'Failed\'\n| extend functionName = tostring(customDimensions.prop__functionName)\n| summarize failures = count() by functionName, bin(timestamp, {TimeRange:grain})\n| render columnchart'
  }
]

// The language model, when one is configured: turns it handed to the offline engine (voiceagent.llm.fallbacks), and
// the OpenTelemetry GenAI metrics Microsoft.Extensions.AI records under the VoiceAgent meter (seconds per request, to
// a streamed request's first chunk, tokens by gen_ai.token.type).
var modelCharts = [
  {
    name: 'model-fallbacks'
    title: 'Model turns handed to the offline engine, by reason (timeout, rate_limited, server_error, error, empty_reply, breaker_open)'
    visualization: 'barchart'
    query: 'customMetrics\n| where name == \'voiceagent.llm.fallbacks\'\n| extend reason = tostring(customDimensions.reason)\n| summarize fallbacks = sum(valueSum) by reason, bin(timestamp, {TimeRange:grain})\n| render columnchart'
  }
  {
    name: 'model-fallbacks-by-tenant'
    title: 'Model fallbacks by shop and reason'
    visualization: 'table'
    query: 'customMetrics\n| where name == \'voiceagent.llm.fallbacks\'\n| extend tenant = tostring(customDimensions.tenant), reason = tostring(customDimensions.reason)\n| summarize fallbacks = sum(valueSum) by tenant, reason\n| order by fallbacks desc'
  }
  {
    name: 'model-duration'
    title: 'Model request time (s): mean and max per interval'
    visualization: 'timechart'
    query: 'customMetrics\n| where name == \'gen_ai.client.operation.duration\'\n| summarize mean_s = sum(valueSum) / sum(valueCount), max_s = max(valueMax) by bin(timestamp, {TimeRange:grain})\n| render timechart'
  }
  {
    name: 'model-first-chunk'
    title: 'Model time to first chunk (s), streamed requests: mean and max per interval'
    visualization: 'timechart'
    query: 'customMetrics\n| where name == \'gen_ai.client.operation.time_to_first_chunk\'\n| summarize mean_s = sum(valueSum) / sum(valueCount), max_s = max(valueMax) by bin(timestamp, {TimeRange:grain})\n| render timechart'
  }
  {
    name: 'model-tokens'
    title: 'Model tokens, input and output'
    visualization: 'timechart'
    query: 'customMetrics\n| where name == \'gen_ai.client.token.usage\'\n| extend tokenType = tostring(customDimensions[\'gen_ai.token.type\'])\n| summarize tokens = sum(valueSum) by tokenType, bin(timestamp, {TimeRange:grain})\n| render timechart'
  }
]

// One KQL tile per chart; the workflow tiles and the model tiles follow their own headings.
var kqlItems = [
  for chart in concat(charts, workflowCharts, modelCharts): {
    type: 3
    name: chart.name
    content: {
      version: 'KqlItem/1.0'
      title: chart.title
      query: chart.query
      size: 0
      queryType: 0
      resourceType: 'microsoft.insights/components'
      timeContextFromParameter: 'TimeRange'
      timeContext: {
        durationMs: 86400000
      }
      visualization: chart.visualization
    }
  }
]

var workflowsHeader = {
  type: 1
  name: 'workflows-header'
  content: {
    json: '### After the call\nConfirmation texts, calendar sync and reminder calls run as Durable Functions workflows. A follow-up that still fails after its retries is recorded (FollowUps table), alerted on, and re-driven from the staff API.'
  }
}

var modelHeader = {
  type: 1
  name: 'model-header'
  content: {
    json: '### The model\nWith a language model configured (Llm__Endpoint), the agent talks through it. A model error, 429 or timeout hands the call to the offline engine (one apology, nothing asked again); an open breaker keeps new calls offline until it closes.'
  }
}

var header = [
  {
    type: 1
    name: 'header'
    content: {
      json: '## VoiceAgent\nCalls, bookings, latency and failures. Pick a time range; paste a call SID (CA…) to see everything recorded for one call.'
    }
  }
  {
    type: 11
    name: 'dashboard-link'
    content: {
      version: 'LinkItem/1.0'
      style: 'list'
      links: [
        {
          id: 'c3fa05a4-6e79-4d80-9c2b-3b5e4d9f1a23'
          cellValue: dashboardUrl
          linkTarget: 'Url'
          linkLabel: 'Staff dashboard: live calls, call history, today\'s book, messages (staff sign in with Entra ID)'
          style: 'link'
        }
      ]
    }
  }
  {
    type: 9
    name: 'parameters'
    content: {
      version: 'KqlParameterItem/1.0'
      style: 'pills'
      queryType: 0
      resourceType: 'microsoft.insights/components'
      parameters: [
        {
          id: 'a1d8f3e2-4c57-4b6e-9a0f-1f3c2b7d9e01'
          version: 'KqlParameterItem/1.0'
          name: 'TimeRange'
          label: 'Time range'
          type: 4
          isRequired: true
          value: {
            durationMs: 86400000
          }
          typeSettings: {
            selectableValues: [
              { durationMs: 3600000 }
              { durationMs: 14400000 }
              { durationMs: 86400000 }
              { durationMs: 604800000 }
              { durationMs: 2592000000 }
            ]
          }
        }
        {
          id: 'b2e9a4f3-5d68-4c7f-8b1a-2a4d3c8e0f12'
          version: 'KqlParameterItem/1.0'
          name: 'CallSid'
          label: 'Call SID'
          type: 1
          value: ''
        }
      ]
    }
  }
]

var callLookup = {
  type: 3
  name: 'call-lookup'
  conditionalVisibility: {
    parameterName: 'CallSid'
    comparison: 'isNotEqualTo'
    value: ''
  }
  content: {
    version: 'KqlItem/1.0'
    title: 'Call lookup: everything recorded for call {CallSid}'
    query: 'union requests, dependencies, traces, exceptions\n| where tostring(customDimensions.CallSid) == \'{CallSid}\' or tostring(customDimensions[\'voiceagent.call_sid\']) == \'{CallSid}\'\n| project timestamp, itemType, cloud_RoleName, name, message, severityLevel, duration, resultCode, operation_Id\n| order by timestamp asc'
    size: 0
    queryType: 0
    resourceType: 'microsoft.insights/components'
    timeContextFromParameter: 'TimeRange'
    timeContext: {
      durationMs: 86400000
    }
    visualization: 'table'
  }
}

var content = {
  version: 'Notebook/1.0'
  items: concat(
    header,
    [callLookup],
    take(kqlItems, length(charts)),
    [workflowsHeader],
    take(skip(kqlItems, length(charts)), length(workflowCharts)),
    [modelHeader],
    skip(kqlItems, length(charts) + length(workflowCharts))
  )
  fallbackResourceIds: [applicationInsightsId]
  '$schema': 'https://github.com/Microsoft/Application-Insights-Workbooks/blob/master/schema/workbook.json'
}

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, applicationInsightsId, 'voiceagent-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: displayName
    category: 'workbook'
    sourceId: applicationInsightsId
    serializedData: string(content)
    version: 'Notebook/1.0'
  }
}

output id string = workbook.id
