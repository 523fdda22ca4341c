// Azure OpenAI with one chat model deployment, created when main.bicep's createOpenAi is true. Keys are off; both app
// identities get Cognitive Services OpenAI User (openai-access.bicep), the narrowest role that can call the deployment.

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

module access 'openai-access.bicep' = {
  name: 'openai-access'
  params: {
    accountName: openAi.name
    principalIds: principalIds
  }
}

output endpoint string = openAi.properties.endpoint
output deploymentName string = deployment.name
