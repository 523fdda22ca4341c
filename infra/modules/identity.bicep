// User-assigned managed identities: one per app, so each gets only the roles it needs.
// The role assignments live next to the resources they grant (storage.bicep, keyvault.bicep, ...).

param location string
param tags object
param functionsIdentityName string
param hostIdentityName string

resource functionsIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: functionsIdentityName
  location: location
  tags: tags
}

resource hostIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: hostIdentityName
  location: location
  tags: tags
}

output functionsIdentityId string = functionsIdentity.id
output functionsClientId string = functionsIdentity.properties.clientId
output functionsPrincipalId string = functionsIdentity.properties.principalId
output hostIdentityId string = hostIdentity.id
output hostClientId string = hostIdentity.properties.clientId
output hostPrincipalId string = hostIdentity.properties.principalId
