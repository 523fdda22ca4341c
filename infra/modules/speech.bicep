// Azure AI Speech (STT/TTS for the stream transport). Keys are off: a custom subdomain lets Entra ID tokens in,
// and both app identities get Cognitive Services User here.

param location string
param tags object
param name string
param principalIds array

var cognitiveServicesUser = 'a97b65f3-24c7-4388-baec-2e87135dc908'

resource speech 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'SpeechServices'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource users 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in principalIds: {
    scope: speech
    name: guid(speech.id, principalId, cognitiveServicesUser)
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cognitiveServicesUser)
    }
  }
]

output endpoint string = speech.properties.endpoint
output id string = speech.id
