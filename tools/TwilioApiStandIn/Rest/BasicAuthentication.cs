using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace VoiceAgent.TwilioApiStandIn.Rest;

/// <summary>
/// Twilio's REST authentication: HTTP Basic with <c>AccountSid:AuthToken</c>, for the account named in the path.
/// Anything else is Twilio's 401 <c>20003 Authenticate</c>.
/// </summary>
internal sealed class BasicAuthentication(TwilioAccount account) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!IsAuthenticated(http.Request.Headers.Authorization.ToString()) || !string.Equals(http.Request.RouteValues["accountSid"] as string, account.AccountSid, StringComparison.Ordinal))
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"Twilio API\"";
            return TwilioError.Authenticate.ToResult();
        }

        return await next(context);
    }

    private bool IsAuthenticated(string header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value) || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = Encoding.UTF8.GetBytes($"{account.AccountSid}:{account.AuthToken}");
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(decoded), expected);
    }
}
