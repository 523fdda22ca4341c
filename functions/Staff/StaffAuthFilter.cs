using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using VoiceAgent.Functions.Hosting;

namespace VoiceAgent.Functions.Staff;

/// <summary>
/// Staff endpoints require authentication. Under the Functions host, the host has already checked the function
/// key (these functions are <c>authLevel: function</c>) before it forwards the request to this handler, which
/// listens on loopback only. Run on its own, the app requires <c>Authorization: Bearer &lt;StaffApi:DevToken&gt;</c>;
/// with no dev token configured every request is refused.
/// </summary>
public sealed class StaffAuthFilter(IOptions<StaffApiOptions> options) : IEndpointFilter
{
    private readonly byte[]? _devToken = string.IsNullOrEmpty(options.Value.DevToken) ? null : Encoding.UTF8.GetBytes(options.Value.DevToken);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (CustomHandlerHosting.IsUnderFunctionsHost || HasDevToken(context.HttpContext.Request))
        {
            return await next(context);
        }

        return TypedResults.Problem(title: "Authentication required", detail: "Send Authorization: Bearer <staff token>.", statusCode: StatusCodes.Status401Unauthorized);
    }

    private bool HasDevToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.FirstOrDefault();
        if (_devToken is null || header is null || !header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()), _devToken);
    }
}
