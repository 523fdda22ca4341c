using System.Text.RegularExpressions;

namespace VoiceAgent.Infra.Tests;

/// <summary>Every app setting the code reads is set in the Bicep app settings, and every Bicep app setting has a reader.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed partial class AppSettingsTests(CompiledTemplateFixture template)
{
    public static TheoryData<string> Apps => new() { "function-app", "webpubsub-host" };

    [Theory]
    [MemberData(nameof(Apps))]
    public void CodeSettings_AreAllSetInBicep(string module)
    {
        var bicep = BicepSettings(module);
        var expected = AppSettingsCatalog.ReadByCode(module).Where(setting => !AppSettingsCatalog.IsLocalOnly(setting))
            .Except(AppSettingsCatalog.ProvidedByHost).Except(AppSettingsCatalog.CodeDefaults);

        var missing = expected.Where(setting => !bicep.Contains(setting)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"{module}: read by the code but not set in Bicep: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void BicepSettings_AreAllReadBySomeone(string module)
    {
        var readers = AppSettingsCatalog.ReadByCode(module).Union(AppSettingsCatalog.Platform).Union(AppSettingsCatalog.Pending[module]).ToHashSet(StringComparer.Ordinal);

        var unread = BicepSettings(module).Where(setting => !readers.Contains(setting)).Order(StringComparer.Ordinal).ToList();

        Assert.True(unread.Count == 0, $"{module}: set in Bicep but read by nothing: {string.Join(", ", unread)}");
    }

    /// <summary>Local-only settings (a storage connection string, the staff dev tokens) never reach Azure, not even one dictionary entry.</summary>
    [Theory]
    [MemberData(nameof(Apps))]
    public void LocalOnlySettings_AreNeverSetInBicep(string module)
    {
        var leaked = BicepSettings(module).Where(AppSettingsCatalog.IsLocalOnly).Order(StringComparer.Ordinal).ToList();

        Assert.True(leaked.Count == 0, $"{module}: local-only settings set in Bicep: {string.Join(", ", leaked)}");
    }

    [Theory]
    [InlineData("StaffAuth__DevTokens", true)]
    [InlineData("StaffAuth__DevTokens__northside-auto", true)]
    [InlineData("staffauth__devtokens__northside-auto", true)]
    [InlineData("Storage__ConnectionString", true)]
    [InlineData("Twilio__ApiBaseUrl", true)]
    [InlineData("StaffAuth__DevTokensExtra", false)]
    [InlineData("StaffAuth__TrustPlatformPrincipal", false)]
    [InlineData("Storage__TableServiceUri", false)]
    public void LocalOnlyMatch_CoversDictionaryEntries_AndNothingElse(string setting, bool localOnly)
    {
        Assert.Equal(localOnly, AppSettingsCatalog.IsLocalOnly(setting));
    }

    /// <summary>The hand-made lists name only settings the code really reads, so none of them goes stale.</summary>
    [Fact]
    public void CatalogLists_NameOnlySettingsTheCodeReads()
    {
        var read = AppSettingsCatalog.ReadByCode();

        var unread = AppSettingsCatalog.CodeDefaults.Concat(AppSettingsCatalog.LocalOnly).Concat(AppSettingsCatalog.ProvidedByHost)
            .Where(setting => !read.Contains(setting))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(unread.Count == 0, $"Listed as code default, local-only or host-provided but read by nothing: {string.Join(", ", unread)}");
    }

    [Fact]
    public void PendingSettings_AreNotReadByCodeYet()
    {
        var read = AppSettingsCatalog.ReadByCode();

        var stale = AppSettingsCatalog.Pending.Values.SelectMany(s => s).Where(read.Contains).Distinct().ToList();

        Assert.True(stale.Count == 0, $"Now read by code, move out of the pending list: {string.Join(", ", stale)}");
    }

    [Fact]
    public void CodeScan_FindsTheOptionsAndDirectVariables()
    {
        Assert.Superset(new HashSet<string> { "Storage", "Twilio", "Voice", "Demo", "StaffAuth", "Llm", "Speech" }, AppSettingsCatalog.OptionsSections().ToHashSet());
        var variables = AppSettingsCatalog.DirectlyReadVariables().Values.ToHashSet();
        Assert.Superset(new HashSet<string> { "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING" }, variables);
        Assert.DoesNotContain("FUNCTIONS_CUSTOMHANDLER_PORT", variables);
        var read = AppSettingsCatalog.ReadByCode().ToHashSet(StringComparer.Ordinal);
        Assert.Superset(
            new HashSet<string> { "Twilio__AuthToken", "StaffAuth__TrustPlatformPrincipal", "StaffAuth__DevTokens", "Storage__StaffTable" },
            read);
    }

    /// <summary>Environment variables are read only through a named <c>…Variable</c> constant, so the scan above sees them all.</summary>
    [Fact]
    public void EnvironmentReads_GoThroughNamedVariableConstants()
    {
        var offenders = AppSettingsCatalog.SourceFiles()
            .SelectMany(file => DirectEnvironmentRead().Matches(File.ReadAllText(file)).Select(m => $"{Path.GetFileName(file)}: {m.Value}"))
            .ToList();

        Assert.True(offenders.Count == 0, "Read environment variables through a `const string XxxVariable`: " + string.Join("; ", offenders));
    }

    private HashSet<string> BicepSettings(string module) =>
        ArmTemplate.AppSettings(template.Module(module)).Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);

    // GetEnvironmentVariable("LITERAL") or configuration["LITERAL"]: a literal where a named constant belongs.
    [GeneratedRegex("""(GetEnvironmentVariable|[Cc]onfiguration)\s*[\(\[]\s*"[^"]+"\s*[\)\]]""")]
    private static partial Regex DirectEnvironmentRead();
}
