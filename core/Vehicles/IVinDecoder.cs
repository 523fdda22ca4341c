namespace VoiceAgent.Core.Vehicles;

/// <summary>Decodes a VIN to make, model and year. Never throws for a network problem: it falls back to what the VIN itself says.</summary>
public interface IVinDecoder
{
    /// <param name="vin">A parsed VIN (either check-digit policy).</param>
    /// <param name="modelYear">The year the caller gave, if any; vPIC decodes more reliably with it.</param>
    /// <param name="cancellationToken">Cancels the call; this is the one case that throws (<see cref="OperationCanceledException"/>).</param>
    Task<VinDecoding> DecodeAsync(Vin vin, int? modelYear = null, CancellationToken cancellationToken = default);
}
