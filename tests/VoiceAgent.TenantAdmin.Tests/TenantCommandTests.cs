using Azure.Data.Tables;
using VoiceAgent.LocalStack;

namespace VoiceAgent.TenantAdmin.Tests;

/// <summary>tools/tenant as the operator runs it, against Azurite: what it prints, what it exits with, what it writes.</summary>
public sealed class TenantCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly string Root = RepositoryRoot.Find();

    [Fact]
    public async Task Validate_TheInvalidExamples_RefusesEachNamingTheField_AndTheShippedProfilesPass()
    {
        var bad = await RunAsync("validate", Path.Combine(Root, "tests", "tenants", "invalid"));
        var good = await RunAsync("validate", Path.Combine(Root, "tenants"));

        Assert.Equal(1, bad.Exit);
        Assert.Contains("time_zone: 'America/Springfield' is not an IANA time zone", bad.Output, StringComparison.Ordinal);
        Assert.Contains("hours[1].days: friday is already open in hours[0]", bad.Output, StringComparison.Ordinal);
        Assert.Contains("services[2].capacity: 0 is too small: it must be at least 1", bad.Output, StringComparison.Ordinal);
        Assert.Contains("numbers[0]: '(555) 555-0100' is not an E.164 number", bad.Output, StringComparison.Ordinal);
        Assert.EndsWith("0 valid, 4 invalid", bad.Output.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal((0, "1 valid, 0 invalid"), (good.Exit, good.Output.TrimEnd().Split('\n')[^1]));
    }

    [Fact]
    public async Task Apply_Twice_SecondIsUnchanged_AndNoETagMoves_ThenListShowDeactivate()
    {
        var profile = WriteProfile("apply-twice-shop", "+15555550500");

        var first = await RunAsync("apply", profile, "--connection-string", azurite.ConnectionString);
        var etags = await ETagsAsync("apply-twice-shop", "+15555550500");
        var second = await RunAsync("apply", profile, "--connection-string", azurite.ConnectionString);

        Assert.Equal(0, first.Exit);
        Assert.Contains("created    apply-twice-shop", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.Exit);
        Assert.Contains("unchanged  apply-twice-shop", second.Output, StringComparison.Ordinal);
        Assert.Contains("google_calendar_id shop@group.calendar.google.com is used only where the app has Google Calendar credentials", second.Output, StringComparison.Ordinal);
        Assert.Equal(etags, await ETagsAsync("apply-twice-shop", "+15555550500"));

        var list = await RunAsync("list", "--connection-string", azurite.ConnectionString);
        Assert.Matches(@"apply-twice-shop\s+yes\s+America/Denver\s+\+15555550500", list.Output);
        var show = await RunAsync("show", "apply-twice-shop", "--connection-string", azurite.ConnectionString);
        Assert.Contains("\"timeZoneId\": \"America/Denver\"", show.Output, StringComparison.Ordinal);

        var off = await RunAsync("deactivate", "apply-twice-shop", "--connection-string", azurite.ConnectionString);
        Assert.Equal(0, off.Exit);
        Assert.Matches(@"apply-twice-shop\s+no\s+", (await RunAsync("list", "--connection-string", azurite.ConnectionString)).Output);
        Assert.Contains("updated    apply-twice-shop", (await RunAsync("apply", profile, "--connection-string", azurite.ConnectionString)).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_ANumberAnotherTenantOwns_IsRefused_ExitOne_AndWritesNothing()
    {
        await RunAsync("apply", WriteProfile("number-owner-shop", "+15555550600"), "--connection-string", azurite.ConnectionString);

        var refused = await RunAsync("apply", WriteProfile("number-taker-shop", "+15555550600"), "--connection-string", azurite.ConnectionString);

        Assert.Equal(1, refused.Exit);
        Assert.Contains("refused    number-taker-shop", refused.Error, StringComparison.Ordinal);
        Assert.Contains("numbers[0]: +15555550600 already reaches tenant 'number-owner-shop'", refused.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await RunAsync("show", "number-taker-shop", "--connection-string", azurite.ConnectionString)).Exit);
    }

    [Fact]
    public async Task Apply_AnInvalidProfile_AppliesNothing_AndBadUsage_ExitsTwo()
    {
        var folder = Directory.CreateTempSubdirectory("tenants-");
        File.Copy(WriteProfile("half-folder-shop", "+15555550700"), Path.Combine(folder.FullName, "a.yaml"));
        File.Copy(Path.Combine(Root, "tests", "tenants", "invalid", "zero-capacity.yaml"), Path.Combine(folder.FullName, "b.yaml"));

        var refused = await RunAsync("apply", folder.FullName, "--connection-string", azurite.ConnectionString);

        Assert.Equal(1, refused.Exit);
        Assert.Contains("Nothing was applied", refused.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await RunAsync("show", "half-folder-shop", "--connection-string", azurite.ConnectionString)).Exit);
        Assert.Equal(2, (await RunAsync("apply")).Exit);
        Assert.Equal(2, (await RunAsync("list", "--account", "Not_An_Account")).Exit);
        Assert.Equal(2, (await RunAsync("validate", "/no/such/folder")).Exit);
    }

    [Fact]
    public async Task Numbers_PrintsEachProfilesNumbers_OnePerLine_AndRefusesAnInvalidFolder()
    {
        var numbers = await RunAsync("numbers", Path.Combine(Root, "tests", "tenants"));
        var invalid = await RunAsync("numbers", Path.Combine(Root, "tests", "tenants", "invalid"));

        Assert.Equal((0, "+15555550300\n+15555550301"), (numbers.Exit, numbers.Output.ReplaceLineEndings("\n").TrimEnd()));
        Assert.Equal((1, ""), (invalid.Exit, invalid.Output));
        Assert.Contains("invalid", invalid.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableStorage_ExitsThree_SayingSo()
    {
        var result = await RunAsync("list", "--connection-string", "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;");

        Assert.Equal(3, result.Exit);
        Assert.StartsWith("Storage could not be used", result.Error, StringComparison.Ordinal);
    }

    private static string WriteProfile(string id, string number)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("profile-").FullName, id + ".yaml");
        File.WriteAllText(path, $"""
            id: {id}
            name: {id}
            numbers: ["{number}"]
            time_zone: America/Denver
            google_calendar_id: shop@group.calendar.google.com
            hours:
              - {"{"} days: [monday, tuesday], opens: "09:00", closes: "17:00" {"}"}
            services:
              - {"{"} name: oil change, duration_minutes: 30, capacity: 1 {"}"}
            """);
        return path;
    }

    private async Task<(string Tenant, string Number)> ETagsAsync(string tenantId, string number)
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        var tenant = await service.GetTableClient("Tenants").GetEntityAsync<TableEntity>("tenant", tenantId);
        var map = await service.GetTableClient("TenantNumbers").GetEntityAsync<TableEntity>(number, "tenant");
        return (tenant.Value.ETag.ToString(), map.Value.ETag.ToString());
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await TenantCommand.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
