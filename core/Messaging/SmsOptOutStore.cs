using Azure;
using Azure.Data.Tables;
using VoiceAgent.Core.Storage;

namespace VoiceAgent.Core.Messaging;

/// <summary>
/// Numbers that opted out of a tenant's texts (partition = tenant, row key = the E.164 number): by texting STOP, or found
/// out when Twilio refused a send with 21610. A number here gets no text until it texts START.
/// </summary>
public sealed class SmsOptOutStore(VoiceAgentTables tables)
{
    public async Task<bool> IsOptedOutAsync(string tenantId, string phone, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phone);
        var row = await tables.SmsOptOuts.GetEntityIfExistsAsync<TableEntity>(tenantId, phone, ["RowKey"], cancellationToken);
        return row.HasValue;
    }

    /// <param name="reason">How we learned it, e.g. <c>STOP</c> or <c>Twilio error 21610</c>.</param>
    public async Task OptOutAsync(string tenantId, string phone, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phone);
        var row = new TableEntity(tenantId, phone) { ["Reason"] = reason, ["At"] = at.ToUniversalTime() };
        await tables.SmsOptOuts.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The number texts again (START). Idempotent.</summary>
    public async Task OptInAsync(string tenantId, string phone, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phone);
        try
        {
            await tables.SmsOptOuts.DeleteEntityAsync(tenantId, phone, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Was not opted out.
        }
    }
}
