using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace VoiceAgent.TwilioApiStandIn.Rest;

/// <summary>Maps the 2010-04-01 API the stand-in serves under <c>/2010-04-01/Accounts/{AccountSid}</c>, behind Basic auth; anything else is Twilio's 404.</summary>
internal static class TwilioRestEndpoints
{
    public static void MapTwilioRest(this IEndpointRouteBuilder endpoints, TwilioAccount account)
    {
        var accountApi = endpoints.MapGroup("/2010-04-01/Accounts/{accountSid}").AddEndpointFilter(new BasicAuthentication(account));
        accountApi.MapMessages();
        accountApi.MapCalls();
        accountApi.MapIncomingPhoneNumbers();
        endpoints.MapFallback((HttpRequest request) => TwilioError.NotFound(request.Path).ToResult());
    }
}
