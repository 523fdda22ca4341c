using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using VoiceAgent.Core.Staff;
using VoiceAgent.Core.Workflows;
using VoiceAgent.Functions.Workflows;

namespace VoiceAgent.Functions.Staff;

/// <summary>
/// Follow-ups that failed after their retries (a calendar that stayed down, say), for the staff of one tenant: list them,
/// and re-drive them once the cause is fixed. Re-driving runs the whole follow-up again; every step is idempotent.
/// </summary>
public sealed class StaffFollowUpsFunction(StaffTenantGate gate, FollowUpStore followUps, FollowUpStarter starter)
{
    [Function("StaffFailedFollowUps")]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tenants/{tenantId}/follow-ups/failed")] HttpRequest request,
        string tenantId)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var access = await gate.OpenAsync(request, tenantId);
        if (access.Tenant is null)
        {
            return access.Refusal!;
        }

        IReadOnlyList<FollowUpFailureView> views = [.. (await followUps.FailedAsync(tenantId, cancellationToken))
            .Select(f => new FollowUpFailureView(f.Change.AppointmentId, f.Change.Kind.ToString(), f.Step, f.Reason, f.FailedAt))];
        return TypedResults.Ok(views);
    }

    [Function("StaffRedriveFollowUps")]
    public async Task<IResult> RedriveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "tenants/{tenantId}/follow-ups/redrive")] HttpRequest request,
        string tenantId,
        [DurableClient] DurableTaskClient durable)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var access = await gate.OpenAsync(request, tenantId);
        if (access.Tenant is null)
        {
            return access.Refusal!;
        }

        var redriven = 0;
        foreach (var failure in await followUps.FailedAsync(tenantId, cancellationToken))
        {
            await followUps.RetryAsync(failure.Change, cancellationToken);
            redriven += await starter.StartAsync(durable, failure.Change, cancellationToken) ? 1 : 0;
        }

        return TypedResults.Accepted((string?)null, new { redriven });
    }
}

