// Azure OpenAI with one chat model deployment. Keys are off; both app identities get
// Cognitive Services OpenAI User (inference only), the narrowest role that can call the deployment.

param location string
param tags object
param name string
param deploymentName string
param modelName string
param modelVersion string
@description('Deployment SKU, e.g. GlobalStandard or Standard.')
param skuName string
@description('Capacity in thousands of tokens per minute.')
param capacity int
param principalIds array

var cognitiveServicesOpenAIUser = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource deployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: openAi
  name: deploymentName
  sku: {
    name: skuName
    capacity: capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: modelName
      version: modelVersion
    }
  }
}

resource users 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in principalIds: {
    scope: openAi
    name: guid(openAi.id, principalId, cognitiveServicesOpenAIUser)
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cognitiveServicesOpenAIUser)
    }
  }
]

output endpoint string = openAi.properties.endpoint
output deploymentName string = deployment.name
