// Cognitive Services OpenAI User (inference only, the narrowest role that can call a deployment) for the app identities
// on an Azure OpenAI account: the one openai.bicep creates, or one the operator already has (main.bicep's
// openAiAccountName), deployed into that account's resource group. No keys: the apps reach the model by identity.

@description('Name of the Azure OpenAI account, in the resource group this module is deployed to.')
param accountName string
param principalIds array

var cognitiveServicesOpenAIUser = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: accountName
}

resource users 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in principalIds: {
    scope: account
    name: guid(account.id, principalId, cognitiveServicesOpenAIUser)
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cognitiveServicesOpenAIUser)
    }
  }
]
