using System.Globalization;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using VoiceAgent.Core.Calls;

namespace VoiceAgent.Functions.Staff;

/// <summary>
/// The messages callers left for staff, as an inbox: <c>GET /api/tenants/{tenantId}/messages</c> (the last
/// <see cref="Days"/> days, newest call first) and <c>POST …/messages/{callSid}/{index}</c> with <c>{"done":true}</c>
/// to mark one done (or false to reopen it). The POST takes JSON only, which a cross-site form cannot send.
/// </summary>
public sealed class StaffMessagesFunction(StaffTenantGate gate, CallSessionStore sessions, TimeProvider time)
{
    public const int Days = 30;

    [Function("StaffMessages")]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tenants/{tenantId}/messages")] HttpRequest request,
        string tenantId)
    {
        var staff = await gate.OpenAsync(request, tenantId);
        if (staff.Tenant is not { } tenant)
        {
            return staff.Refusal!;
        }

        var calls = await sessions.ListSinceAsync(tenant.Id, time.GetUtcNow().AddDays(-Days), StaffCallsFunction.MaxCalls, request.HttpContext.RequestAborted);
        IReadOnlyList<StaffMessageView> messages = [.. calls.SelectMany(call => call.Dialog.MessagesForStaff.Select((text, index) => new StaffMessageView(
            call.CallSid,
            index,
            tenant.Time.Local(call.StartedAt),
            call.CallerNumber,
            call.CustomerFirstName,
            text,
            call.MessagesDone.Contains(index))))];
        return TypedResults.Ok(messages);
    }

    [Function("StaffMessageDone")]
    public async Task<IResult> MarkAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "tenants/{tenantId}/messages/{callSid}/{index}")] HttpRequest request,
        string tenantId,
        string callSid,
        string index)
    {
        var staff = await gate.OpenAsync(request, tenantId);
        if (staff.Tenant is not { } tenant)
        {
            return staff.Refusal!;
        }

        if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var position) || await ReadDoneAsync(request) is not { } done)
        {
            return TypedResults.Problem(title: "Invalid request", detail: """The index is a number and the body is JSON {"done": true} or {"done": false}.""", statusCode: StatusCodes.Status400BadRequest);
        }

        return await sessions.SetMessageDoneAsync(tenant.Id, callSid, position, done, request.HttpContext.RequestAborted)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();
    }

    private static async Task<bool?> ReadDoneAsync(HttpRequest request)
    {
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("done", out var done) && done.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? done.GetBoolean()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>One message a caller left for staff, with the call it came from and whether staff have dealt with it.</summary>
public sealed record StaffMessageView(string CallSid, int Index, DateTimeOffset At, string CallerNumber, string? CustomerFirstName, string Text, bool Done);
