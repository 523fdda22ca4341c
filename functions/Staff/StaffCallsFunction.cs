using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Staff;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Functions.Staff;

/// <summary>
/// The call history for the staff of one tenant: recent calls, filterable by the caller's number, the outcome and
/// whether the call went badly; and one call with its transcript and latencies. Another tenant's staff get 403.
/// </summary>
public sealed class StaffCallsFunction(StaffTenantGate gate, CallSessionStore sessions, TimeProvider time)
{
    public const int MaxDays = 90;
    public const int MaxCalls = 200;

    [Function("StaffCalls")]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tenants/{tenantId}/calls")] HttpRequest request,
        string tenantId)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var access = await gate.OpenAsync(request, tenantId);
        if (access.Tenant is not { } tenant)
        {
            return access.Refusal!;
        }

        var query = request.Query;
        if (!TryReadInt(query["days"], 7, MaxDays, out var days) || !TryReadInt(query["limit"], 50, MaxCalls, out var limit))
        {
            return TypedResults.Problem(title: "Invalid range", detail: $"days is 1 to {MaxDays}, limit 1 to {MaxCalls}.", statusCode: StatusCodes.Status400BadRequest);
        }

        var digits = new string(query["number"].ToString().Where(char.IsAsciiDigit).ToArray());
        var outcome = query["outcome"].ToString();
        var flaggedOnly = string.Equals(query["flagged"], "true", StringComparison.OrdinalIgnoreCase);
        var calls = await sessions.ListSinceAsync(tenant.Id, time.GetUtcNow().AddDays(-days), MaxCalls, cancellationToken);
        IReadOnlyList<CallView> views = [.. calls
            .Where(c => digits.Length == 0 || c.CallerNumber.Contains(digits, StringComparison.Ordinal))
            .Where(c => outcome.Length == 0 || c.WrapUp?.Outcomes.Contains(outcome, StringComparer.OrdinalIgnoreCase) == true || (outcome == "nothing" && c.WrapUp?.Outcome == "nothing"))
            .Where(c => !flaggedOnly || c.WrapUp?.Flags.Count > 0)
            .Take(limit)
            .Select(c => View(tenant, c))];
        return TypedResults.Ok(views);
    }

    [Function("StaffCall")]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tenants/{tenantId}/calls/{callSid}")] HttpRequest request,
        string tenantId,
        string callSid)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var access = await gate.OpenAsync(request, tenantId);
        if (access.Tenant is not { } tenant)
        {
            return access.Refusal!;
        }

        if (await sessions.FindAsync(tenant.Id, callSid, cancellationToken) is not { } call)
        {
            return TypedResults.NotFound();
        }

        var turns = await sessions.ListTurnsAsync(tenant.Id, call.CallSid, cancellationToken);
        return TypedResults.Ok(new CallDetailView(
            View(tenant, call),
            [.. turns.Select(t => new CallTurnView(t.Index, tenant.Time.Local(t.At), t.CallerSpeech ?? t.CallerDigits, t.AgentSpeech, t.Action, t.ElapsedMilliseconds))],
            call.Dialog.MessagesForStaff));
    }

    private static CallView View(TenantProfile tenant, CallSession call) => new(
        call.CallSid,
        tenant.Time.Local(call.StartedAt),
        call.EndedAt is { } ended ? tenant.Time.Local(ended) : null,
        call.DurationSeconds,
        call.Status,
        call.CallerNumber,
        call.CustomerFirstName,
        call.WrapUp?.Outcome,
        call.WrapUp?.Outcomes ?? [],
        call.WrapUp?.Summary,
        call.WrapUp?.SummaryByModel ?? false,
        call.WrapUp?.Sentiment,
        call.WrapUp?.Flags ?? [],
        call.WrapUp?.AppointmentIds ?? [],
        call.WrapUp?.SlowestTurnMilliseconds,
        call.TransferredTo);

    private static bool TryReadInt(string? value, int fallback, int max, out int number)
    {
        if (string.IsNullOrEmpty(value))
        {
            number = fallback;
            return true;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= 1 && number <= max;
    }
}
