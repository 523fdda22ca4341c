// Key Vault (RBAC mode) for the secrets the apps cannot get by identity: the Twilio auth token and the Google
// credentials. App settings hold Key Vault references, resolved by the platform with the app's identity
// (Key Vault Secrets User, granted here). A secret left empty at provision time is not created: set it later
// with `az keyvault secret set` (README, "Deploy to Azure").

param location string
param tags object
param name string
@secure()
param twilioAuthToken string
@secure()
param googleCredentialsJson string
param twilioAuthTokenSecretName string
param googleCredentialsSecretName string
param readerPrincipalIds array
@description('The operator running azd (AZURE_PRINCIPAL_ID): reads the Twilio auth token when the postdeploy hook sets the webhooks (TWILIO_SET_WEBHOOKS). Empty: no role.')
param operatorPrincipalId string
@description('User for a person signed in to azd, ServicePrincipal for a pipeline.')
@allowed(['User', 'Group', 'ServicePrincipal'])
param operatorPrincipalType string

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource twilioSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(twilioAuthToken)) {
  parent: vault
  name: twilioAuthTokenSecretName
  properties: {
    value: twilioAuthToken
  }
}

resource googleSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(googleCredentialsJson)) {
  parent: vault
  name: googleCredentialsSecretName
  properties: {
    value: googleCredentialsJson
    contentType: 'application/json'
  }
}

resource readers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in readerPrincipalIds: {
    scope: vault
    name: guid(vault.id, principalId, keyVaultSecretsUser)
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    }
  }
]

// The operator reads secrets only (Secrets User); setting or rotating one still takes Key Vault Secrets Officer.
resource operatorReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  scope: vault
  name: guid(vault.id, operatorPrincipalId, keyVaultSecretsUser)
  properties: {
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
