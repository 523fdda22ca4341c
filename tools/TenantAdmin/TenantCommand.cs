using Azure;
using Azure.Identity;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Staff;
using VoiceAgent.Core.Storage;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Tenants.Profiles;

namespace VoiceAgent.TenantAdmin;

/// <summary>
/// The verbs of tools/tenant. Exit codes: 0 done, 1 a profile was refused or a tenant not found, 2 bad usage, 3 storage
/// could not be reached or refused the sign-in.
/// </summary>
internal static class TenantCommand
{
    public const string Usage = """
        Usage: tools/tenant COMMAND [--account NAME | --connection-string CS]
          validate FILE|FOLDER   check profiles (schemas/tenant-profile.schema.json) without touching storage
          apply FILE|FOLDER      create or update the tenants (all profiles are validated first; none is applied if one is bad)
          list                   every stored tenant: id, name, numbers, time zone, active
          show ID                one tenant's stored profile (JSON)
          deactivate ID          its numbers stop reaching it and the reminder sweep passes it by; data is kept
          numbers FILE|FOLDER    the numbers the profiles claim, one E.164 per line (for scripts)
        Storage: --account NAME is the deployed storage account, reached with DefaultAzureCredential (az login; the
        operator needs "Storage Table Data Contributor" on it); --connection-string CS any other; neither is Azurite on its
        default ports. VOICEAGENT_STORAGE_ACCOUNT and VOICEAGENT_STORAGE stand in for the two options.
        """;

    private static readonly System.Text.Json.JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string? account = null;
        string? connectionString = null;
        var words = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--account" when i + 1 < args.Length:
                    account = args[++i];
                    break;
                case "--connection-string" when i + 1 < args.Length:
                    connectionString = args[++i];
                    break;
                case "-h" or "--help" or "help":
                    await output.WriteLineAsync(Usage);
                    return 0;
                case var flag when flag.StartsWith("--", StringComparison.Ordinal):
                    return await UsageErrorAsync(error, $"Unknown or incomplete option {flag}.");
                default:
                    words.Add(args[i]);
                    break;
            }
        }

        try
        {
            return words switch
            {
                ["validate", var path] => await ValidateAsync(path, output, error),
                ["numbers", var path] => await NumbersAsync(path, output, error),
                ["apply", var path] => await ApplyAsync(path, StorageTarget.From(account, connectionString), output, error, cancellationToken),
                ["list"] => await ListAsync(StorageTarget.From(account, connectionString), output, cancellationToken),
                ["show", var id] => await ShowAsync(id, StorageTarget.From(account, connectionString), output, error, cancellationToken),
                ["deactivate", var id] => await DeactivateAsync(id, StorageTarget.From(account, connectionString), output, error, cancellationToken),
                _ => await UsageErrorAsync(error, words.Count == 0 ? "Give a command." : $"Not a command: {string.Join(' ', words)}."),
            };
        }
        catch (ArgumentException ex)
        {
            return await UsageErrorAsync(error, ex.Message);
        }
        catch (FileNotFoundException ex)
        {
            return await UsageErrorAsync(error, ex.Message);
        }
        catch (Exception ex) when (ex is RequestFailedException or AuthenticationFailedException or CredentialUnavailableException or HttpRequestException or AggregateException)
        {
            await error.WriteLineAsync($"Storage could not be used: {Describe(ex)}");
            return 3;
        }
    }

    private static async Task<int> ValidateAsync(string path, TextWriter output, TextWriter error)
    {
        var files = TenantProfileFiles.Read(path);
        if (files.Count == 0)
        {
            await error.WriteLineAsync($"No *.yaml profiles in {path}.");
            return 1;
        }

        foreach (var file in files)
        {
            await ReportAsync(file, output);
        }

        var bad = files.Count(f => !f.Read.IsValid);
        await output.WriteLineAsync($"{files.Count - bad} valid, {bad} invalid");
        return bad == 0 ? 0 : 1;
    }

    private static async Task<int> NumbersAsync(string path, TextWriter output, TextWriter error)
    {
        var files = TenantProfileFiles.Read(path);
        if (files.FirstOrDefault(f => !f.Read.IsValid) is { } bad)
        {
            await ReportAsync(bad, error);
            return 1;
        }

        foreach (var number in files.SelectMany(f => f.Read.Profile!.Numbers))
        {
            await output.WriteLineAsync(number);
        }

        return 0;
    }

    private static async Task<int> ApplyAsync(string path, StorageTarget target, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var files = TenantProfileFiles.Read(path);
        if (files.Count == 0 || files.Any(f => !f.Read.IsValid))
        {
            foreach (var file in files.Where(f => !f.Read.IsValid))
            {
                await ReportAsync(file, error);
            }

            await error.WriteLineAsync(files.Count == 0 ? $"No *.yaml profiles in {path}." : "Nothing was applied: fix the profiles above first.");
            return 1;
        }

        var tables = await OpenAsync(target, cancellationToken);
        var tenants = new TenantStore(tables);
        var applier = new TenantProfileApplier(tenants, new AppointmentStore(tables), new StaffDirectory(tables), TimeProvider.System);
        await output.WriteLineAsync($"Applying to {target.Description}:");
        var refused = 0;
        foreach (var file in files)
        {
            var profile = file.Read.Profile!;
            var result = await applier.ApplyAsync(profile, cancellationToken);
            var name = Path.GetFileName(file.Path);
            switch (result.Outcome)
            {
                case ApplyOutcome.Refused:
                    refused++;
                    await error.WriteLineAsync($"refused    {profile.Id} ({name}); nothing was written:");
                    foreach (var problem in result.Problems)
                    {
                        await error.WriteLineAsync($"  {problem}");
                    }

                    break;
                default:
                    await output.WriteLineAsync($"{result.Outcome.ToString().ToLowerInvariant(),-10} {profile.Id} ({name}): {string.Join(", ", profile.Numbers)}");
                    if (profile.GoogleCalendarId is { } calendar)
                    {
                        // Storage cannot tell whether the app has Google credentials: say what the id needs.
                        await output.WriteLineAsync($"  google_calendar_id {calendar} is used only where the app has Google Calendar credentials (GoogleCalendar:*); without them the shop's book stays in storage alone.");
                    }

                    break;
            }

            if (result.NoLongerAllowed.Count > 0)
            {
                await output.WriteLineAsync($"  {result.NoLongerAllowed.Count} future appointment(s) the new hours or services would not allow; they stay booked, call these customers:");
                foreach (var appointment in result.NoLongerAllowed)
                {
                    await output.WriteLineAsync($"  - {profile.Time.Local(appointment.Start):ddd yyyy-MM-dd HH:mm} {appointment.Service} for {PhoneNumber.Mask(appointment.CustomerPhone)} ({appointment.Id})");
                }
            }
        }

        return refused == 0 ? 0 : 1;
    }

    private static async Task<int> ListAsync(StorageTarget target, TextWriter output, CancellationToken cancellationToken)
    {
        var tenants = await new TenantStore(await OpenAsync(target, cancellationToken)).ListStoredAsync(cancellationToken);
        await output.WriteLineAsync($"{"ID",-24} {"ACTIVE",-6} {"TIME ZONE",-20} {"NUMBERS",-34} NAME");
        foreach (var tenant in tenants.OrderBy(t => t.Profile.Id, StringComparer.Ordinal))
        {
            var p = tenant.Profile;
            await output.WriteLineAsync($"{p.Id,-24} {(tenant.Active ? "yes" : "no"),-6} {p.TimeZoneId,-20} {string.Join(",", p.Numbers),-34} {p.Name}");
        }

        return 0;
    }

    private static async Task<int> ShowAsync(string id, StorageTarget target, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var stored = await new TenantStore(await OpenAsync(target, cancellationToken)).FindStoredAsync(id, cancellationToken);
        if (stored is null)
        {
            await error.WriteLineAsync($"No tenant '{id}' in {target.Description}.");
            return 1;
        }

        await output.WriteLineAsync($"# {stored.Profile.Id}: {(stored.Active ? "active" : "deactivated")}, ETag {stored.ETag}");
        await output.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(stored.Json), Indented));
        return 0;
    }

    private static async Task<int> DeactivateAsync(string id, StorageTarget target, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!await new TenantStore(await OpenAsync(target, cancellationToken)).DeactivateAsync(id, cancellationToken))
        {
            await error.WriteLineAsync($"No tenant '{id}' in {target.Description}; nothing was changed.");
            return 1;
        }

        await output.WriteLineAsync($"deactivated {id}: its numbers no longer reach it; customers, appointments and calls are kept. `tools/tenant apply` its profile to reactivate.");
        return 0;
    }

    private static async Task ReportAsync(TenantProfileFile file, TextWriter to)
    {
        if (file.Read.Profile is { } profile)
        {
            await to.WriteLineAsync($"ok      {file.Path}: {profile.Id}, {string.Join(", ", profile.Numbers)}, {profile.TimeZoneId}");
            return;
        }

        await to.WriteLineAsync($"invalid {file.Path}:");
        foreach (var problem in file.Read.Problems)
        {
            await to.WriteLineAsync($"  {problem}");
        }
    }

    /// <summary>Locally (a connection string) the tables are created when missing; in Azure the template made them.</summary>
    private static async Task<VoiceAgentTables> OpenAsync(StorageTarget target, CancellationToken cancellationToken)
    {
        var tables = target.Tables();
        if (target.Options.ConnectionString is not null)
        {
            await tables.CreateIfMissingAsync(cancellationToken);
        }

        return tables;
    }

    private static string Describe(Exception ex) => ex switch
    {
        RequestFailedException { Status: 403 } => "403 Forbidden: the signed-in identity needs \"Storage Table Data Contributor\" on the account (README, \"Put your shop on the phone\").",
        RequestFailedException failed => $"{failed.Status} {failed.ErrorCode}: {failed.Message.Split('\n')[0]}",
        AuthenticationFailedException or CredentialUnavailableException => $"no Azure sign-in ({ex.Message.Split('\n')[0]}); run `az login` first.",
        AggregateException aggregate when aggregate.InnerException is { } inner => Describe(inner),
        _ => ex.Message.Split('\n')[0],
    };

    private static async Task<int> UsageErrorAsync(TextWriter error, string message)
    {
        await error.WriteLineAsync(message);
        await error.WriteLineAsync(Usage);
        return 2;
    }
}
