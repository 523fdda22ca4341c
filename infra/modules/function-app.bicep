// The functions/ app: an Azure Functions isolated-worker app (.NET 10, ASP.NET Core integration) on Flex Consumption,
// runtime dotnet-isolated 10.0 (docs/decisions/0008-isolated-worker-on-flex-consumption.md). The HTTP group keeps
// always-ready instances so a call never waits on a cold start (Twilio gives a webhook 15 s). Every connection is
// identity-based; staff sign in with Entra ID through App Service authentication (Easy Auth).
// Flex Consumption rejects the FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION app settings: the stack is
// functionAppConfig.runtime.

param location string
param tags object
param name string
param planName string
@description('azd service name; must match the key in azure.yaml.')
param serviceName string
param identityId string
param identityClientId string
@description('Blob container URL the app deploys from; the identity needs Storage Blob Data Owner (or Contributor) on it.')
param deploymentContainerUrl string
@description('Storage account of AzureWebJobsStorage (Functions host, Durable task hub); the identity has blob owner, queue and table contributor on it.')
param storageAccountName string
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
param seedDemoTenant bool
@description('The agent\'s model: endpoint (empty = no model, the offline engine), deployment and model, of Azure OpenAI reached with this app\'s identity.')
param llm object
@description('Entra ID app registration (client id) for staff sign-in. Empty: App Service authentication is deployed disabled.')
param staffAuthClientId string

@description('The real-time host\'s public https base URL: relay shops\' calls are handed to it while it is healthy.')
param realtimeBaseUrl string
@description('Azure Web PubSub\'s endpoint and hub: the Gather calls\' live call events, published with this app\'s identity.')
param webPubSubEndpoint string
param webPubSubHub string
@minValue(1)
param alwaysReadyHttpInstances int
@allowed([512, 2048, 4096])
param instanceMemoryMB int
@minValue(40)
param maximumInstanceCount int

// Easy Auth is on, and the app trusts its principal header, exactly when a staff sign-in app registration is given.
var staffAuthEnabled = !empty(staffAuthClientId)

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
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
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        alwaysReady: [
          {
            name: 'http'
            instanceCount: alwaysReadyHttpInstances
          }
        ]
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Keys are literal so tests/VoiceAgent.Infra.Tests can read them from the compiled template and check them
// against the settings the code reads.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: {
    // Functions host storage (timer leases, the Durable task hub on DurableTask.AzureStorage), by identity.
    AzureWebJobsStorage__accountName: storageAccountName
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    // Azure.Identity's DefaultAzureCredential picks this identity.
    AZURE_CLIENT_ID: identityClientId
    // Telemetry (host and app), Entra auth with this identity.
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
    // core: TwilioOptions (the token is a Key Vault reference)
    Twilio__AuthToken: twilioAuthTokenReference
    Twilio__AccountSid: twilioAccountSid
    Twilio__PublicBaseUrl: 'https://${app.properties.defaultHostName}'
    // core: WebPubSubOptions. The Gather calls' live call events, with this app's identity (Web PubSub Service Owner,
    // granted in webpubsub.bicep); WebPubSub__ConnectionString is local only.
    WebPubSub__Endpoint: webPubSubEndpoint
    WebPubSub__Hub: webPubSubHub
    WebPubSub__ManagedIdentityClientId: identityClientId
    // core: VoiceOptions
    Realtime__BaseUrl: realtimeBaseUrl
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
    // core: DemoOptions
    Demo__SeedDemoTenant: string(seedDemoTenant)
    // core: StaffAuthOptions. X-MS-CLIENT-PRINCIPAL is trusted only where Easy Auth (below) sits in front of the app.
    // StaffAuth__DevTokens__* are local-only and never set here.
    StaffAuth__TrustPlatformPrincipal: string(staffAuthEnabled)
    // core: LlmOptions. An empty endpoint means no model: the offline engine answers every call. Azure OpenAI with this
    // app's identity (Cognitive Services OpenAI User); Llm__ApiKey is never set here (a test checks).
    Llm__Endpoint: llm.endpoint
    Llm__Kind: 'AzureOpenAI'
    Llm__Deployment: llm.deployment
    Llm__Model: llm.model
    Llm__ManagedIdentityClientId: identityClientId
  }
}

// Staff sign-in: Entra ID through App Service authentication. Unauthenticated requests pass through (AllowAnonymous):
// Twilio's webhooks carry X-Twilio-Signature, not an Entra token, and the staff functions reject a request without a
// principal themselves. The token store is off: the app needs only the X-MS-CLIENT-PRINCIPAL header Easy Auth adds.
resource authSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'authsettingsV2'
  // One site config write at a time: concurrent PUTs to the same site can conflict.
  dependsOn: [appSettings]
  properties: {
    platform: {
      enabled: staffAuthEnabled
      runtimeVersion: '~1'
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: staffAuthEnabled
        registration: {
          clientId: staffAuthClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${subscription().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: staffAuthEnabled ? [staffAuthClientId, 'api://${staffAuthClientId}'] : []
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
