// Storage: the app's tables, the Functions host's own storage (AzureWebJobsStorage: timers, leases, the Durable task
// hub's tables, queues and blobs, which the host and the Durable extension create themselves) and the Flex deployment
// container. Shared key access is off: every caller uses Entra ID (managed identity).

param location string
param tags object
param name string
@description('Blob container the Flex Consumption app deploys from (functionAppConfig.deployment.storage).')
param deploymentContainerName string
@description('Table names, the same values the apps read from Storage__*Table.')
param tableNames array
@description('The function app identity: AzureWebJobsStorage (Functions host + Durable Functions), the deployment package and the app tables.')
param functionsPrincipalId string
@description('The web pubsub host identity: the app tables.')
param hostPrincipalId string
@description('The operator running azd (AZURE_PRINCIPAL_ID): the tables, which tools/tenant apply writes with the operator\'s own sign-in. Empty: no role.')
param operatorPrincipalId string
@description('User for a person signed in to azd, ServicePrincipal for a pipeline.')
@allowed(['User', 'Group', 'ServicePrincipal'])
param operatorPrincipalType string

// Built-in role definition ids.
var roles = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

// Least privilege. The Functions host and DurableTask.AzureStorage need exactly these three on the account named by
// AzureWebJobsStorage (blob owner also covers reading the deployment package); the host app only reads and writes tables.
var assignments = [
  { principalId: functionsPrincipalId, role: roles.blobDataOwner }
  { principalId: functionsPrincipalId, role: roles.queueDataContributor }
  { principalId: functionsPrincipalId, role: roles.tableDataContributor }
  { principalId: hostPrincipalId, role: roles.tableDataContributor }
]

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for table in tableNames: {
    parent: tableService
    name: table
  }
]

resource roleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for assignment in assignments: {
    scope: account
    name: guid(account.id, assignment.principalId, assignment.role)
    properties: {
      principalId: assignment.principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', assignment.role)
    }
  }
]

// The operator: tools/tenant apply (the azd postdeploy hook, decision 0027) writes the tenant profiles' rows signed in as
// the operator, not as an app. The role covers every table of the account, the Durable task hub's too.
resource operatorTables 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  scope: account
  name: guid(account.id, operatorPrincipalId, roles.tableDataContributor)
  properties: {
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.tableDataContributor)
  }
}

output name string = account.name
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainerName}'
