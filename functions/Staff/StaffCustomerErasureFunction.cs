using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using VoiceAgent.Core.Calendars;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Staff;
using VoiceAgent.Functions.Workflows;

namespace VoiceAgent.Functions.Staff;

/// <summary>
/// A customer's deletion request, run by the staff of their own shop: <c>POST /api/tenants/{tenantId}/customers/erase</c>
/// with the customer's number or id. 200 with what was removed, 404 for a customer the shop does not have (nothing
/// changed), 400 for a body that names nobody, 401 without sign-in, 403 for another shop's staff; 503 when the calendar
/// could not be rewritten (run it again: every step is idempotent).
/// </summary>
public sealed class StaffCustomerErasureFunction(StaffTenantGate gate, CustomerErasure erasure)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Function("StaffEraseCustomer")]
    public async Task<IResult> EraseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "tenants/{tenantId}/customers/erase")] HttpRequest request,
        string tenantId,
        [DurableClient] DurableTaskClient durable)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var access = await gate.OpenAsync(request, tenantId);
        if (access.Tenant is null)
        {
            return access.Refusal!;
        }

        CustomerErasureBody? body = null;
        try
        {
            // JSON only: a cross-site form or text/plain post, which a browser sends without asking, is refused.
            if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
            {
                body = await JsonSerializer.DeserializeAsync<CustomerErasureBody>(request.Body, Json, cancellationToken);
            }
        }
        catch (JsonException)
        {
            body = null;
        }

        if (!CustomerErasureRequest.TryCreate(body?.CustomerId, body?.Phone, out var erase, out var error))
        {
            return TypedResults.Problem(title: "Invalid deletion request", detail: body is null ? "The body must be JSON: {\"phone\":\"+1…\"} or {\"customerId\":\"…\"}." : error, statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            return await erasure.EraseAsync(tenantId, erase, new DurableWorkflowHistoryEraser(durable), cancellationToken) is { } report
                ? TypedResults.Ok(report)
                : TypedResults.Problem(title: "No such customer", detail: "This shop has no customer with that number or id; nothing was changed.", statusCode: StatusCodes.Status404NotFound);
        }
        catch (CalendarUnavailableException)
        {
            return TypedResults.Problem(
                title: "Calendar unavailable",
                detail: "The calendar could not be rewritten; what was done stays done. Run the request again.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
