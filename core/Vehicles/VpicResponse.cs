using System.Text.Json.Serialization;

namespace VoiceAgent.Core.Vehicles;

/// <summary>vPIC's <c>DecodeVinValues</c> envelope (flat format). Every value is a string.</summary>
internal sealed record VpicResponse(int Count, string? Message, string? SearchCriteria, IReadOnlyList<VpicResult>? Results);

/// <summary>The fields of one flat vPIC result we use; <c>""</c> or <c>"Not Applicable"</c> mean unknown.</summary>
internal sealed record VpicResult(
    string? VIN,
    string? Make,
    string? Manufacturer,
    string? Model,
    string? ModelYear,
    string? ErrorCode,
    string? ErrorText,
    string? AdditionalErrorText);

[JsonSerializable(typeof(VpicResponse))]
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
internal sealed partial class VpicJsonContext : JsonSerializerContext;
