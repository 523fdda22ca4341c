// Azure AI Speech (STT/TTS for the stream transport). Keys are off: a custom subdomain lets Entra ID tokens in
// (the host sends them as aad#<resource id>#<token>), and the given identities get Cognitive Services Speech User here,
// the least role that may synthesise and recognise.

param location string
param tags object
param name string
param principalIds array

var cognitiveServicesSpeechUser = 'f2dc8367-1007-4938-bd23-fe263f013447'

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
    name: guid(speech.id, principalId, cognitiveServicesSpeechUser)
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cognitiveServicesSpeechUser)
    }
  }
]

output endpoint string = speech.properties.endpoint
output id string = speech.id
