using System.ComponentModel.DataAnnotations;

namespace VoiceAgent.Core.Vehicles;

/// <summary>NHTSA vPIC (free, no key). When disabled, VINs are decoded offline from the WMI and model-year code.</summary>
public sealed class NhtsaOptions
{
    public const string Section = "Nhtsa";

    public bool Enabled { get; set; }

    /// <summary>The API root; requests go to <c>{BaseUrl}/vehicles/DecodeVinValues/{VIN}?format=json</c>.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://vpic.nhtsa.dot.gov/api");

    /// <summary>How long a caller waits for vPIC before the offline decode answers instead. Keep it short: someone is on the phone.</summary>
    [Range(0.1, 60)]
    public double TimeoutSeconds { get; set; } = 3;

    /// <summary>How long a vPIC answer is reused. 0 disables the cache.</summary>
    [Range(0, 24 * 365)]
    public double CacheHours { get; set; } = 24;

    /// <summary>Most VINs held at once; when full, expired entries go first, then everything.</summary>
    [Range(1, 1_000_000)]
    public int CacheCapacity { get; set; } = 10_000;
}
