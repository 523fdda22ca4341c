// The webpubsub-host app: always-on ASP.NET Core on App Service Linux, WebSockets on, for Twilio media streams
// (<Connect><Stream>) and live call events. Every connection is identity-based.

param location string
param tags object
param name string
param planName string
@description('azd service name; must match the key in azure.yaml.')
param serviceName string
@description('App Service plan SKU; Basic or above (always on needs it).')
param skuName string
param identityId string
param identityClientId string
param queueEndpoint string
param tableEndpoint string
param applicationInsightsConnectionString string
param twilioAuthTokenReference string
param twilioAccountSid string
param tableNames object
@description('Google Calendar: calendarId (empty = built-in calendar) and serviceAccountReference (Key Vault reference).')
param calendar object
param nhtsaEnabled bool
param voice object
param speechEndpoint string
param speechResourceId string
@description('The agent\'s model: endpoint (empty = no model, the offline engine), deployment and model, of Azure OpenAI reached with this app\'s identity.')
param llm object
param webPubSubEndpoint string
param webPubSubHub string

@description('The function app\'s public base URL: live media-stream calls are redirected to its /api/voice/connect-ended on shutdown.')
param functionsBaseUrl string

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      webSocketsEnabled: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appCommandLine: 'dotnet VoiceAgent.WebPubSubHost.dll'
    }
  }
}

// Keys are literal so tests/VoiceAgent.Infra.Tests can read them from the compiled template.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: {
    AZURE_CLIENT_ID: identityClientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    // core: StorageOptions
    Storage__TableServiceUri: tableEndpoint
    Storage__QueueServiceUri: queueEndpoint
    Storage__ManagedIdentityClientId: identityClientId
    Storage__TenantsTable: tableNames.tenants
    Storage__TenantNumbersTable: tableNames.tenantNumbers
    Storage__CustomersTable: tableNames.customers
    Storage__CustomerPhonesTable: tableNames.customerPhones
    Storage__CallsTable: tableNames.calls
    Storage__TurnsTable: tableNames.turns
    Storage__ScheduleTable: tableNames.schedule
    Storage__StaffTable: tableNames.staff
    Storage__FollowUpsTable: tableNames.followUps
    Storage__SmsOptOutsTable: tableNames.smsOptOuts
    Storage__CreateTablesOnStart: 'false'
    // core: GoogleCalendarOptions (empty calendar id = the built-in calendar) and NhtsaOptions
    GoogleCalendar__CalendarId: calendar.calendarId
    GoogleCalendar__ServiceAccountJson: calendar.serviceAccountReference
    Nhtsa__Enabled: string(nhtsaEnabled)
    // core: TwilioOptions. The media-stream upgrade is signed over this host's URL.
    Twilio__AuthToken: twilioAuthTokenReference
    Twilio__AccountSid: twilioAccountSid
    Twilio__PublicBaseUrl: 'https://${app.properties.defaultHostName}'
    // core: VoiceOptions
    Voice__SayVoice: voice.sayVoice
    Voice__SpanishSayVoice: voice.spanishSayVoice
    Voice__Language: voice.language
    Voice__GatherTimeoutSeconds: string(voice.gatherTimeoutSeconds)
    Voice__SpeechTimeout: voice.speechTimeout
    Voice__SpeechModel: voice.speechModel
    Voice__TurnDeadlineSeconds: string(voice.turnDeadlineSeconds)
    Voice__FillerAfterSeconds: voice.fillerAfterSeconds
    Voice__ContinuationWaitSeconds: voice.continuationWaitSeconds
    Voice__MaxContinuations: string(voice.maxContinuations)
    // core: DemoOptions (the function app seeds; one writer is enough)
    Demo__SeedDemoTenant: 'false'
    // core: StaffAuthOptions. No App Service authentication in front of this app, so X-MS-CLIENT-PRINCIPAL is never trusted.
    StaffAuth__TrustPlatformPrincipal: 'false'
    // core: LlmOptions. An empty endpoint means no model: the offline engine answers every call. Azure OpenAI with this
    // app's identity (Cognitive Services OpenAI User); Llm__ApiKey is never set here (a test checks).
    Llm__Endpoint: llm.endpoint
    Llm__Kind: 'AzureOpenAI'
    Llm__Deployment: llm.deployment
    Llm__Model: llm.model
    Llm__ManagedIdentityClientId: identityClientId
    // webpubsub-host: AzureSpeechOptions. The custom-subdomain endpoint and the resource id for Entra ID tokens with this
    // app's identity (Cognitive Services Speech User); Speech__Key is never set here (the resource has keys off).
    Speech__Endpoint: speechEndpoint
    Speech__ResourceId: speechResourceId
    Speech__ManagedIdentityClientId: identityClientId
    // webpubsub-host: WebPubSubOptions. Live call events go to Web PubSub with this app's identity (Web PubSub Service
    // Owner, granted in webpubsub.bicep, where access keys are off); WebPubSub__ConnectionString is local only.
    WebPubSub__Endpoint: webPubSubEndpoint
    WebPubSub__Hub: webPubSubHub
    WebPubSub__ManagedIdentityClientId: identityClientId
    // webpubsub-host: RealtimeOptions. Where a draining host sends its live media-stream calls (Gather, on the function app).
    Realtime__FunctionsBaseUrl: functionsBaseUrl
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
