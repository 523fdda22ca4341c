using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using VoiceAgent.Core.Telephony;

namespace VoiceAgent.Core.Tenants;

/// <summary>
/// Resolves the dialed number to a tenant, with a short-lived cache. When storage cannot be reached it serves
/// the last profile it saw, so a live call can still be transferred to the shop.
/// </summary>
public sealed partial class TenantDirectory(TenantStore store, TimeProvider time, ILogger<TenantDirectory> logger)
{
    private static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<string, CachedTenant> _byNumber = new(StringComparer.Ordinal);

    public async Task<TenantProfile?> FindByNumberAsync(PhoneNumber dialed, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_byNumber.TryGetValue(dialed.E164, out var cached) && now - cached.LoadedAt < FreshFor)
        {
            return cached.Profile;
        }

        try
        {
            var tenantId = await store.FindTenantIdByNumberAsync(dialed.E164, cancellationToken);
            var profile = tenantId is null ? null : await store.FindAsync(tenantId, cancellationToken);
            _byNumber[dialed.E164] = new CachedTenant(profile, now);
            return profile;
        }
        catch (Exception ex) when (cached is not null && ex is not OperationCanceledException)
        {
            LogServingStale(logger, dialed.Masked, ex);
            return cached.Profile;
        }
    }

    /// <summary>The last profile seen for this number, without touching storage (for failure paths).</summary>
    public TenantProfile? LastKnown(PhoneNumber dialed) => _byNumber.TryGetValue(dialed.E164, out var cached) ? cached.Profile : null;

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Tenant lookup for {Dialed} failed; serving the cached profile")]
    private static partial void LogServingStale(ILogger logger, string dialed, Exception exception);

    private sealed record CachedTenant(TenantProfile? Profile, DateTimeOffset LoadedAt);
}
