using System.Globalization;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace VoiceAgent.Core.Tenants.Profiles;

/// <summary>
/// The tenant profile's JSON Schema (schemas/tenant-profile.schema.json, embedded), and its findings as problems that name
/// the field in the file's own terms (<c>services[1].capacity: must be at least 1</c>).
/// </summary>
public static class TenantProfileSchema
{
    public const string ResourceName = "VoiceAgent.TenantProfile.schema.json";

    /// <summary>The schema's text, as in the repository.</summary>
    public static string Text { get; } = EmbeddedText.Read(ResourceName);

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(Text).GetAwaiter().GetResult());

    public static IReadOnlyList<TenantProfileProblem> Check(JsonNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = Schema.Value.Validate(document.ToJsonString());
        return [.. Flatten(errors).Select(Describe).Distinct().OrderBy(p => p.Field, StringComparer.Ordinal)];
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e is ChildSchemaValidationError child ? child.Errors.Values.SelectMany(Flatten).DefaultIfEmpty(e) : [e]);

    private static TenantProfileProblem Describe(ValidationError error)
    {
        var at = Field(error.Path);
        var schema = error.Schema;
        var value = Shown(error.Token);
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => new(at.Length > 0 ? at : error.Property ?? string.Empty, "is required"),
            ValidationErrorKind.NoAdditionalPropertiesAllowed => new(at, "is not a profile field (see schemas/tenant-profile.schema.json)"),
            ValidationErrorKind.PatternMismatch when schema?.Pattern?.StartsWith(@"^\+[1-9]", StringComparison.Ordinal) == true =>
                new(at, $"{value} is not an E.164 number (a plus, the country code and the number, no spaces: +15555550100)"),
            ValidationErrorKind.PatternMismatch when schema?.Pattern?.Contains("[0-5][0-9]", StringComparison.Ordinal) == true =>
                new(at, $"{value} is not a time of day as HH:MM (24 h, e.g. \"08:00\", quoted)"),
            ValidationErrorKind.PatternMismatch => new(at, $"{value} does not have the expected form ({schema?.Pattern})"),
            ValidationErrorKind.NumberTooSmall =>
                new(at, $"{value} is too small: it must be {(schema?.IsExclusiveMinimum == true || schema?.ExclusiveMinimum is not null ? "more than" : "at least")} {Number(schema?.ExclusiveMinimum ?? schema?.Minimum)}"),
            ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig =>
                new(at, $"{value} is too large: it must be at most {Number(schema?.Maximum)}"),
            ValidationErrorKind.NotInEnumeration =>
                new(at, $"{value} is not one of {string.Join(", ", schema?.Enumeration.Select(e => e?.ToString()) ?? [])}"),
            ValidationErrorKind.StringTooShort => new(at, "must not be empty"),
            ValidationErrorKind.StringTooLong => new(at, $"is longer than {schema?.MaxLength} characters"),
            ValidationErrorKind.TooFewItems => new(at, $"needs at least {schema?.MinItems} entr{(schema?.MinItems == 1 ? "y" : "ies")}"),
            ValidationErrorKind.ItemsNotUnique => new(at, "lists the same entry twice"),
            ValidationErrorKind.IntegerExpected => new(at, $"{value} is not a whole number"),
            ValidationErrorKind.NumberExpected => new(at, $"{value} is not a number"),
            ValidationErrorKind.BooleanExpected => new(at, $"{value} is not true or false"),
            ValidationErrorKind.StringExpected => new(at, $"{value} is not text (quote it)"),
            ValidationErrorKind.ArrayExpected => new(at, "must be a list"),
            ValidationErrorKind.ObjectExpected => new(at, "must be a mapping of fields"),
            _ => new(at, $"{value} is not allowed here ({error.Kind})"),
        };
    }

    /// <summary><c>#/services[0].capacity</c> → <c>services[0].capacity</c>.</summary>
    private static string Field(string? path) => (path ?? string.Empty).TrimStart('#').TrimStart('/').Replace('/', '.');

    private static string Shown(JToken? token) => token switch
    {
        null => "the value",
        { Type: JTokenType.String } => $"'{token}'",
        { Type: JTokenType.Object or JTokenType.Array } => "the value",
        { Type: JTokenType.Null } => "an empty value",
        _ => token.ToString(Newtonsoft.Json.Formatting.None),
    };

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";
}
