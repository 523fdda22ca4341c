using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using VoiceAgent.Core.LiveEvents;

namespace VoiceAgent.Functions.Staff;

/// <summary>
/// <c>GET /api/tenants/{tenantId}/live-events</c>: the WebSocket URL with a Web PubSub client token for the signed-in
/// staff member, joined to their own tenant's group only (<see cref="LiveEventsClientAccess"/>). Minted for nobody
/// else: 401 without a sign-in, 403 for another tenant. 503 when live events are off or the service refused.
/// </summary>
public sealed partial class StaffLiveEventsFunction(StaffTenantGate gate, LiveEventsClientAccess access, ILogger<StaffLiveEventsFunction> logger)
{
    [Function("StaffLiveEvents")]
    public async Task<IResult> NegotiateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tenants/{tenantId}/live-events")] HttpRequest request,
        string tenantId)
    {
        var staff = await gate.OpenAsync(request, tenantId);
        if (staff.Tenant is not { } tenant)
        {
            return staff.Refusal!;
        }

        if (!access.IsAvailable)
        {
            return Unavailable("Live call events are off here (no Web PubSub is configured); the dashboard refreshes instead.");
        }

        try
        {
            var url = await access.CreateClientUrlAsync(staff.Principal!.UserId, tenant.Id, request.HttpContext.RequestAborted);
            return TypedResults.Ok(new LiveEventsAccessView(url, LiveEventsClientAccess.Lifetime.TotalSeconds));
        }
        catch (HttpRequestException ex)
        {
            LogTokenRefused(logger, ex.StatusCode is { } status ? (int)status : null, ex);
            return Unavailable("Web PubSub did not issue a client token; the dashboard refreshes instead.");
        }
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Unavailable(string detail) =>
        TypedResults.Problem(title: "Live events unavailable", detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Web PubSub refused a client token (HTTP {Status})")]
    private static partial void LogTokenRefused(ILogger logger, int? status, Exception exception);
}

/// <summary>Where the dashboard's WebSocket goes, and for how long its token holds.</summary>
public sealed record LiveEventsAccessView(Uri Url, double ExpiresInSeconds);
