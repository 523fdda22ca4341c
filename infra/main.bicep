// VoiceAgent: everything `azd up` creates. One module per concern under modules/; names come from
// abbreviations.json + a uniqueString token; each module grants its resource's roles to the identities that need it.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; seeds the resource token and names the resource group.')
param environmentName string

@minLength(1)
@description('Region for every resource. Flex Consumption runs in a subset of regions.')
@metadata({ azd: { type: 'location' } })
param location string

@description('Twilio account SID (AC…), used by outbound calls and SMS.')
param twilioAccountSid string = ''

@secure()
@description('Twilio auth token, stored in Key Vault. Empty: set the secret later (README, "Deploy to Azure").')
param twilioAuthToken string = ''

@secure()
@description('Google service-account JSON for the calendar integration, stored in Key Vault. Empty: not used.')
param googleCredentialsJson string = ''

@description('Google Calendar id to mirror bookings to and read busy times from. Empty: the built-in calendar (our own book) only.')
param googleCalendarId string = ''

@description('Decode VINs with NHTSA vPIC (free, no key); false decodes offline (manufacturer and model year only).')
param nhtsaEnabled bool = true

// The agent's language model (README, "The language model (optional)"). Nothing set: no model, the offline engine
// answers every call. createOpenAi: an Azure OpenAI account made here; llmEndpoint: one you already have. Either way
// the apps reach it with their managed identities (Llm__ManagedIdentityClientId), never with a key.
@description('Create an Azure OpenAI account with one deployment of openAiModelName and point the agent at it (llmEndpoint is then ignored).')
param createOpenAi bool = false

@description('Azure OpenAI endpoint you already have (https://<account>.openai.azure.com/). Empty, and createOpenAi false: no model, the offline engine answers every call.')
param llmEndpoint string = ''

@description('The deployment at llmEndpoint the agent calls.')
param llmDeployment string = ''

@description('The model behind llmDeployment (e.g. gpt-4o-mini); it picks the tokenizer. Empty: the deployment name.')
param llmModel string = ''

@description('The Azure OpenAI account of llmEndpoint: both app identities get Cognitive Services OpenAI User on it. Empty: grant that role yourself.')
param openAiAccountName string = ''

@description('Resource group of openAiAccountName, in this subscription. Empty: the resource group this template creates.')
param openAiResourceGroupName string = ''

@description('Azure OpenAI chat model of the account createOpenAi makes (also its deployment name).')
param openAiModelName string = 'gpt-4o-mini'
param openAiModelVersion string = '2024-07-18'
@allowed(['GlobalStandard', 'Standard', 'DataZoneStandard'])
param openAiDeploymentSku string = 'GlobalStandard'
@description('Azure OpenAI capacity, thousands of tokens per minute.')
@minValue(1)
param openAiCapacity int = 30

@allowed(['Free_F1', 'Standard_S1', 'Premium_P1'])
param webPubSubSku string = 'Free_F1'
param webPubSubHub string = 'calls'

@description('App Service plan SKU for webpubsub-host (always on needs Basic or above).')
@allowed(['B1', 'B2', 'B3', 'S1', 'P0v3', 'P1v3'])
param hostSku string = 'B1'

@description('Always-ready instances for the HTTP function group: a Twilio webhook must not wait on a cold start.')
@minValue(1)
param alwaysReadyHttpInstances int = 1
@allowed([512, 2048, 4096])
param functionsInstanceMemoryMB int = 2048
@minValue(40)
param functionsMaximumInstanceCount int = 100

@description('Twilio <Say> voice and language for the Gather transport.')
param sayVoice string = 'Polly.Joanna-Neural'
param voiceLanguage string = 'en-US'

@description('Twilio <Say> voice for the sentences spoken in Spanish (the apology to a caller who asks for another language).')
param spanishSayVoice string = 'Polly.Lupe-Neural'

@description('Seed the demo tenant (Northside Auto Care, +15555550100) on start.')
param seedDemoTenant bool = false

@description('Alert when more than this percentage of voice webhooks fail or hit the fallback URL (15 min).')
@minValue(1)
param webhookFailureRatePercent int = 5
@description('Alert when p95 turn latency exceeds this (ms).')
@minValue(100)
param turnLatencyBudgetMs int = 4000
@description('Alert when more model turns than this are handed to the offline engine in 15 min (per reason: timeout, rate_limited, breaker_open…).')
@minValue(0)
param modelFallbackAlertCount int = 5
@description('Mail alerts here; empty = portal only.')
param alertEmailAddress string = ''

@description('Application (client) id of the Entra ID app registration staff sign in with (App Service authentication on the function app). Empty: sign-in is not configured and staff requests are refused.')
param staffAuthClientId string = ''

// The operator: whoever runs azd (azd sets AZURE_PRINCIPAL_ID to the signed-in principal). The postdeploy hook applies
// the tenant profiles and reads the Twilio auth token with that sign-in (decision 0027).
@description('Object id of the principal running azd: Storage Table Data Contributor on the storage account and Key Vault Secrets User on the vault, for the postdeploy hook. Empty: no roles (grant them by hand, README "Put your shop on the phone").')
param principalId string = ''

@description('Type of principalId: User for `azd auth login` as a person, ServicePrincipal for a pipeline.')
@allowed(['User', 'Group', 'ServicePrincipal'])
param principalType string = 'User'

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

var functionAppName = '${abbrs.webSitesFunctions}voice-${resourceToken}'
var hostAppName = '${abbrs.webSitesAppService}host-${resourceToken}'
var deploymentContainerName = 'app-package-${resourceToken}'

// Table names: created here, handed to the apps as Storage__*Table. The Functions host and Durable Functions create
// their own tables, queues and blobs in the same account (AzureWebJobsStorage): the task hub named by host.json
// extensions.durableTask.hubName (<hub>History, <hub>Instances, <hub>-control-NN, <hub>-workitems, <hub>-leases…)
// needs no infra here, only the roles storage.bicep grants.
var tableNames = {
  tenants: 'Tenants'
  tenantNumbers: 'TenantNumbers'
  customers: 'Customers'
  customerPhones: 'CustomerPhones'
  calls: 'Calls'
  turns: 'CallTurns'
  schedule: 'Schedule'
  staff: 'StaffMembers'
  // Booking follow-ups waiting for (or failed in) their workflow: the outbox the workflows and the sweep read.
  followUps: 'FollowUps'
  // Customers who texted STOP (or whose number Twilio refused with 21610), per tenant.
  smsOptOuts: 'SmsOptOuts'
}

var voice = {
  sayVoice: sayVoice
  spanishSayVoice: spanishSayVoice
  language: voiceLanguage
  gatherTimeoutSeconds: 5
  speechTimeout: '2'
  speechModel: 'phone_call'
  turnDeadlineSeconds: 10
  fillerAfterSeconds: '2.5'
  continuationWaitSeconds: '8'
  maxContinuations: 2
}

var twilioAuthTokenSecretName = 'twilio-auth-token'
var googleCredentialsSecretName = 'google-credentials'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    location: location
    tags: tags
    functionsIdentityName: '${abbrs.managedIdentityUserAssignedIdentities}functions-${resourceToken}'
    hostIdentityName: '${abbrs.managedIdentityUserAssignedIdentities}host-${resourceToken}'
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    location: location
    tags: tags
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    publisherPrincipalIds: [identity.outputs.functionsPrincipalId, identity.outputs.hostPrincipalId]
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    location: location
    tags: tags
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    deploymentContainerName: deploymentContainerName
    tableNames: map(items(tableNames), table => table.value)
    functionsPrincipalId: identity.outputs.functionsPrincipalId
    hostPrincipalId: identity.outputs.hostPrincipalId
    operatorPrincipalId: principalId
    operatorPrincipalType: principalType
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    location: location
    tags: tags
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    twilioAuthToken: twilioAuthToken
    googleCredentialsJson: googleCredentialsJson
    twilioAuthTokenSecretName: twilioAuthTokenSecretName
    googleCredentialsSecretName: googleCredentialsSecretName
    readerPrincipalIds: [identity.outputs.functionsPrincipalId, identity.outputs.hostPrincipalId]
    operatorPrincipalId: principalId
    operatorPrincipalType: principalType
  }
}

module webPubSub 'modules/webpubsub.bicep' = {
  name: 'webpubsub'
  scope: rg
  params: {
    location: location
    tags: tags
    name: '${abbrs.signalRServiceWebPubSub}${resourceToken}'
    hubName: webPubSubHub
    skuName: webPubSubSku
    publisherPrincipalIds: [identity.outputs.hostPrincipalId, identity.outputs.functionsPrincipalId]
  }
}

module speech 'modules/speech.bicep' = {
  name: 'speech'
  scope: rg
  params: {
    location: location
    tags: tags
    name: '${abbrs.cognitiveServicesSpeech}${resourceToken}'
    principalIds: [identity.outputs.hostPrincipalId]
  }
}

module openAi 'modules/openai.bicep' = if (createOpenAi) {
  name: 'openai'
  scope: rg
  params: {
    location: location
    tags: tags
    name: '${abbrs.cognitiveServicesOpenAI}${resourceToken}'
    deploymentName: openAiModelName
    modelName: openAiModelName
    modelVersion: openAiModelVersion
    skuName: openAiDeploymentSku
    capacity: openAiCapacity
    principalIds: [identity.outputs.functionsPrincipalId, identity.outputs.hostPrincipalId]
  }
}

// An Azure OpenAI account you already have: the apps' identities may call it (Cognitive Services OpenAI User).
module llmAccess 'modules/openai-access.bicep' = if (!createOpenAi && !empty(llmEndpoint) && !empty(openAiAccountName)) {
  name: 'llm-access'
  scope: resourceGroup(empty(openAiResourceGroupName) ? rg.name : openAiResourceGroupName)
  params: {
    accountName: openAiAccountName
    principalIds: [identity.outputs.functionsPrincipalId, identity.outputs.hostPrincipalId]
  }
}

// What both apps get as Llm__*: the account made here, the endpoint given, or empty (the offline engine).
var llm = createOpenAi
  ? {
      endpoint: openAi!.outputs.endpoint
      deployment: openAi!.outputs.deploymentName
      model: openAiModelName
    }
  : {
      endpoint: llmEndpoint
      deployment: llmDeployment
      model: empty(llmModel) ? llmDeployment : llmModel
    }

var twilioAuthTokenReference = '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${twilioAuthTokenSecretName}/)'
var googleCredentialsReference = '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${googleCredentialsSecretName}/)'

// Google Calendar: the calendar id, and the service-account JSON as a Key Vault reference.
var calendar = {
  calendarId: googleCalendarId
  serviceAccountReference: googleCredentialsReference
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  params: {
    location: location
    tags: tags
    name: functionAppName
    planName: '${abbrs.webServerFarms}functions-${resourceToken}'
    serviceName: 'functions'
    identityId: identity.outputs.functionsIdentityId
    identityClientId: identity.outputs.functionsClientId
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    storageAccountName: storage.outputs.name
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    twilioAuthTokenReference: twilioAuthTokenReference
    twilioAccountSid: twilioAccountSid
    tableNames: tableNames
    voice: voice
    seedDemoTenant: seedDemoTenant
    calendar: calendar
    nhtsaEnabled: nhtsaEnabled
    llm: llm
    staffAuthClientId: staffAuthClientId
    realtimeBaseUrl: 'https://${hostApp.outputs.defaultHostName}'
    webPubSubEndpoint: webPubSub.outputs.endpoint
    webPubSubHub: webPubSub.outputs.hubName
    alwaysReadyHttpInstances: alwaysReadyHttpInstances
    instanceMemoryMB: functionsInstanceMemoryMB
    maximumInstanceCount: functionsMaximumInstanceCount
  }
}

module hostApp 'modules/webpubsub-host.bicep' = {
  name: 'webpubsub-host'
  scope: rg
  params: {
    location: location
    tags: tags
    name: hostAppName
    planName: '${abbrs.webServerFarms}host-${resourceToken}'
    serviceName: 'webpubsub-host'
    skuName: hostSku
    identityId: identity.outputs.hostIdentityId
    identityClientId: identity.outputs.hostClientId
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    twilioAuthTokenReference: twilioAuthTokenReference
    twilioAccountSid: twilioAccountSid
    tableNames: tableNames
    calendar: calendar
    nhtsaEnabled: nhtsaEnabled
    voice: voice
    speechEndpoint: speech.outputs.endpoint
    speechResourceId: speech.outputs.id
    llm: llm
    webPubSubEndpoint: webPubSub.outputs.endpoint
    webPubSubHub: webPubSub.outputs.hubName
    // From the name, not the function app's output: the function app already takes this host's URL.
    functionsBaseUrl: 'https://${functionAppName}.azurewebsites.net'
  }
}

module workbook 'modules/workbook.bicep' = {
  name: 'workbook'
  scope: rg
  params: {
    location: location
    tags: tags
    displayName: 'VoiceAgent (${environmentName})'
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    dashboardUrl: 'https://${functionApp.outputs.defaultHostName}/api/dashboard'
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    location: location
    tags: tags
    namePrefix: '${abbrs.insightsScheduledQueryRules}${resourceToken}-'
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    webhookFailureRatePercent: webhookFailureRatePercent
    turnLatencyBudgetMs: turnLatencyBudgetMs
    modelFallbackCount: modelFallbackAlertCount
    alertEmailAddress: alertEmailAddress
  }
}

// Paste these into the Twilio console (phone number → Voice configuration).
output TWILIO_VOICE_URL string = 'https://${functionApp.outputs.defaultHostName}/api/voice/incoming'
output TWILIO_STATUS_CALLBACK_URL string = 'https://${functionApp.outputs.defaultHostName}/api/voice/status'
output TWILIO_FALLBACK_URL string = 'https://${functionApp.outputs.defaultHostName}/api/voice/fallback'
// The function app's base URL: the postdeploy hook gives it to tools/twilio-webhooks (--app-url) and tools/smoke.
output FUNCTIONS_URL string = 'https://${functionApp.outputs.defaultHostName}'
output DASHBOARD_URL string = 'https://${functionApp.outputs.defaultHostName}/api/dashboard'
output WEBPUBSUB_HOST_URL string = 'https://${hostApp.outputs.defaultHostName}'
// Redirect URI (Web platform) of the staff sign-in app registration (README, "Staff sign-in").
output STAFF_AUTH_REDIRECT_URI string = 'https://${functionApp.outputs.defaultHostName}/.auth/login/aad/callback'

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_WEBPUBSUB_HOST_NAME string = hostApp.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output WORKBOOK_ID string = workbook.outputs.id
