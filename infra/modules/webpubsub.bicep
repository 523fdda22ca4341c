// Azure Web PubSub: live call events to the staff dashboard. Access keys are off; the real-time host and the function
// app (Gather calls) publish with their managed identities (Web PubSub Service Owner, granted here).

param location string
param tags object
param name string
param hubName string
@allowed(['Free_F1', 'Standard_S1', 'Premium_P1'])
param skuName string
@description('The identities that publish live call events: the real-time host\'s and the function app\'s.')
param publisherPrincipalIds array

var webPubSubServiceOwner = '12cf5a90-567b-43ae-8102-96cf46c7d9b4'

resource webPubSub 'Microsoft.SignalRService/webPubSub@2024-03-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    capacity: 1
  }
  properties: {
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
    tls: {
      clientCertEnabled: false
    }
  }
}

resource hub 'Microsoft.SignalRService/webPubSub/hubs@2024-03-01' = {
  parent: webPubSub
  name: hubName
  properties: {
    anonymousConnectPolicy: 'deny'
    eventHandlers: []
  }
}

resource owner 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for principalId in publisherPrincipalIds: {
  scope: webPubSub
  name: guid(webPubSub.id, principalId, webPubSubServiceOwner)
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', webPubSubServiceOwner)
  }
}]

output endpoint string = 'https://${webPubSub.properties.hostName}'
output hubName string = hub.name
