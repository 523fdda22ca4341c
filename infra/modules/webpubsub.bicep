// Azure Web PubSub: live call events to the staff dashboard. Access keys are off; the host publishes with its
// managed identity (Web PubSub Service Owner, granted here).

param location string
param tags object
param name string
param hubName string
@allowed(['Free_F1', 'Standard_S1', 'Premium_P1'])
param skuName string
param hostPrincipalId string

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

resource owner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: webPubSub
  name: guid(webPubSub.id, hostPrincipalId, webPubSubServiceOwner)
  properties: {
    principalId: hostPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', webPubSubServiceOwner)
  }
}

output endpoint string = 'https://${webPubSub.properties.hostName}'
output hubName string = hub.name
