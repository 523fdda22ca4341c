using System.Text;

namespace VoiceAgent.Functions.Tests.Support;

/// <summary>The <c>X-MS-CLIENT-PRINCIPAL</c> header as App Service authentication forwards it: base64 of its JSON claims list.</summary>
public static class EasyAuthPrincipal
{
    public static string Encode(string objectId, string name) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        $$"""{"auth_typ":"aad","claims":[{"typ":"http://schemas.microsoft.com/identity/claims/objectidentifier","val":"{{objectId}}"},{"typ":"name","val":"{{name}}"}],"name_typ":"name","role_typ":"roles"}"""));
}
