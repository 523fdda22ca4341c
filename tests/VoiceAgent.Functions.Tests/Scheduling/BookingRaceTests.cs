using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.CallSimulator.Cli;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Conversation.Offline;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Functions.Tests.Support;

namespace VoiceAgent.Functions.Tests.Scheduling;

/// <summary>
/// Many callers race for one slot of capacity 1 (a brake inspection, 60 minutes) on Wednesday 2026-12-02 at 10:00
/// shop time, with the fake "now" at Tuesday 09:15: exactly one gets it, whichever host or process serves them.
/// </summary>
public sealed class BookingRaceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const int Callers = 50;
    private const string Service = "brake inspection";

    private static readonly DateTimeOffset Slot = new(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(-6));
    private static readonly DateOnly SlotDay = new(2026, 12, 2);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web);

    private static readonly string[] FirstNames = ["Ava", "Ben", "Cara", "Dan", "Elsa", "Finn", "Gina", "Hugo", "Iris", "Jack"];
    private static readonly string[] LastNames = ["Lee", "Moss", "Nash", "Orr", "Pratt"];

    private readonly List<FunctionsApp> _hosts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Turn_FiftyCallersSayYesForOneSlotAcrossTwoHosts_ExactlyOneBookedOthersOfferedNearestTimes()
    {
        using var timeout = new CancellationTokenSource(Limit);
        var prefix = FunctionsApp.NewTablePrefix();
        var hosts = new[] { await StartHostAsync(prefix), await StartHostAsync(prefix) };
        var clients = hosts.Select(h => new TwilioWebhookClient(h.CreateClient(), h.AuthToken)).ToArray();
        var callers = Enumerable.Range(0, Callers)
            .Select(i => new Caller($"+1555556{i:D4}", $"{FirstNames[i % FirstNames.Length]} {LastNames[i / FirstNames.Length]}", TwilioWebhookClient.NewCallSid(), clients[i % 2]))
            .ToList();

        // Every caller reaches the read-back first (a few at a time: this is set-up, not the race).
        await Parallel.ForEachAsync(callers, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = timeout.Token }, async (caller, _) =>
        {
            var greeting = await Twiml.ReadAsync(await caller.Twilio.PostAsync("/api/voice/incoming", TwilioWebhookClient.CallFields(caller.CallSid, from: caller.From)));
            Assert.NotNull(greeting.Element("Gather"));
            var readBack = Twiml.Spoken(await caller.SayAsync($"Hi, this is {caller.Name}, I need a brake inspection tomorrow at 10"));
            Assert.Equal($"Just to confirm: a brake inspection on Wednesday, December 2nd at 10 AM, under the name {caller.Name}. Shall I book it?", readBack);
        });

        // The race: all fifty say yes at once, half through each host.
        var answers = await Task.WhenAll(callers.Select(async caller => (Caller: caller, Reply: await caller.SayAsync("yes"))));

        var winners = answers.Where(a => Twiml.Spoken(a.Reply).StartsWith("You're all set", StringComparison.Ordinal)).ToList();
        var winner = Assert.Single(winners);
        Assert.Contains("a brake inspection on Wednesday, December 2nd at 10 AM", Twiml.Spoken(winner.Reply), StringComparison.Ordinal);
        var alternatives = await NearestAlternativesAsync(hosts[0], timeout.Token);
        Assert.NotEmpty(alternatives);
        Assert.DoesNotContain(Slot, alternatives);
        var offer = $"Sorry, Wednesday, December 2nd at 10 AM is already taken. The nearest times I have are {SlotSpeech.Options(DemoTenant.Profile, alternatives)}. Would one of those work?";
        var losers = answers.Where(a => !ReferenceEquals(a.Caller, winner.Caller)).ToList();
        Assert.Equal(Callers - 1, losers.Count);
        Assert.All(losers, loser =>
        {
            Assert.Equal(offer, Twiml.Spoken(loser.Reply));
            Assert.NotNull(loser.Reply.Element("Gather"));
            var offered = Regex.Match(Twiml.Spoken(loser.Reply), @"The nearest times I have are (?<times>.+)\. Would", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups["times"].Value;
            Assert.Matches(@"\b\d{1,2}(:\d{2})? [AP]M\b", offered);
            Assert.DoesNotMatch(@"December 2nd at (\d{1,2}(:\d{2})? [AP]M(, | or ))*10 AM\b", offered);
        });

        var booked = await BookedInSlotAsync(hosts[1], Service, timeout.Token);
        var appointment = Assert.Single(booked);
        Assert.Equal(winner.Caller.From, appointment.CustomerPhone);
        Assert.Equal(winner.Caller.Name, appointment.CustomerName);
        Assert.Equal(winner.Caller.CallSid, appointment.CallSid);
        Assert.Equal(Slot, appointment.Start);
        Assert.Equal(Slot.AddMinutes(60), appointment.End);
    }

    /// <summary>
    /// The same race at the storage level from two OS processes: half from this test process, half from a child
    /// process running the call simulator's hidden <c>race</c> command. Why not the functions app on the local host
    /// as the second process: the booking guarantee lives in <see cref="AppointmentStore"/> (ETag-guarded
    /// transactions), so racing it from two processes proves what "across processes" needs, with no clock, tenant
    /// or dialog in the child that could make the result depend on anything but the store (the in-process race
    /// above covers the webhooks on two hosts).
    /// Capacity 1 races on inserting the slot's capacity cell; capacity 2 also races on the ETag-guarded update of it.
    /// </summary>
    [Theory]
    [InlineData("brake inspection", 1)]
    [InlineData("oil change", 2)]
    public async Task TryBookAsync_FiftyBookingsForOneSlotFromTwoProcesses_ExactlyCapacityBooked(string serviceName, int capacity)
    {
        using var timeout = new CancellationTokenSource(Limit);
        var prefix = FunctionsApp.NewTablePrefix();
        var host = await StartHostAsync(prefix);
        var store = host.Services.GetRequiredService<AppointmentStore>();
        var service = DemoTenant.Profile.Services.Single(s => s.Name == serviceName);
        Assert.Equal(capacity, service.Capacity);
        var cells = SchedulingService.Cells(DemoTenant.Profile, service, Slot);
        var half = Callers / 2;

        using var child = StartRaceProcess(azurite.Server.ConnectionString, prefix, serviceName, half);
        try
        {
            var stderr = child.StandardError.ReadToEndAsync(timeout.Token);
            var ready = await child.StandardOutput.ReadLineAsync(timeout.Token);
            Assert.True(ready == RaceCommand.Ready, $"The race process did not get ready: '{ready}' {(child.HasExited ? await stderr : string.Empty)}");

            // The starting gun: the child starts booking as soon as it reads the line; this process starts at once too.
            await child.StandardInput.WriteLineAsync("go");
            await child.StandardInput.FlushAsync(timeout.Token);
            var local = await Task.WhenAll(Enumerable.Range(1, half).Select(i => store.TryBookAsync(RaceAppointment(service, i), SlotDay, cells, service.Capacity, timeout.Token)));
            var report = await child.StandardOutput.ReadLineAsync(timeout.Token);
            await child.WaitForExitAsync(timeout.Token);
            Assert.True(child.ExitCode == 0, $"The race process failed ({child.ExitCode}): {await stderr}");
            var remote = JsonSerializer.Deserialize<RaceCommand.RaceReport>(report ?? "null", ReportJson);

            Assert.NotNull(remote);
            Assert.Equal(half, remote.Outcomes.Count);
            var localBooked = local.Count(o => o == BookingOutcome.Booked);
            var remoteBooked = remote.Outcomes.Count(o => o == nameof(BookingOutcome.Booked));
            Assert.True(localBooked + remoteBooked == capacity, $"Booked: {localBooked} in this process + {remoteBooked} in the child, capacity {capacity}.");
            var outcomes = local.Select(o => o.ToString()).Concat(remote.Outcomes).ToList();
            Assert.Equal(Callers - capacity, outcomes.Count(o => o == nameof(BookingOutcome.SlotTaken)));
            var booked = await BookedInSlotAsync(host, serviceName, timeout.Token);
            Assert.Equal(capacity, booked.Count);
            Assert.All(booked, a => Assert.Equal(Slot, a.Start));
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }
        }
    }

    private async Task<FunctionsApp> StartHostAsync(string prefix)
    {
        // Started (tables created, demo tenant seeded) one host after the other.
        var host = await FunctionsApp.StartAsync(azurite.Server.ConnectionString, prefix);
        _hosts.Add(host);
        var health = await host.CreateClient().GetAsync("/api/health");
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        return host;
    }

    private static async Task<IReadOnlyList<DateTimeOffset>> NearestAlternativesAsync(FunctionsApp host, CancellationToken cancellationToken)
    {
        var scheduling = host.Services.GetRequiredService<SchedulingService>();
        var service = DemoTenant.Profile.Services.Single(s => s.Name == Service);
        var check = await scheduling.CheckAsync(DemoTenant.Profile, service, Slot, cancellationToken);
        Assert.Equal(SlotStatus.Full, check.Status);
        return check.Alternatives;
    }

    /// <summary>Booked appointments on the slot's day, read through the store: the race may leave only the one.</summary>
    private static async Task<IReadOnlyList<Appointment>> BookedInSlotAsync(FunctionsApp host, string service, CancellationToken cancellationToken)
    {
        var store = host.Services.GetRequiredService<AppointmentStore>();
        var day = await store.ListAsync(DemoTenant.Id, SlotDay, SlotDay, customerId: null, cancellationToken);
        Assert.All(day, a => Assert.Equal(service, a.Service));
        return [.. day.Where(a => a.Status == AppointmentStatus.Booked)];
    }

    private static Appointment RaceAppointment(ServiceOffering service, int i) => RaceCommand.RaceAppointment(DemoTenant.Profile, service, Slot, "local", i);

    private static Process StartRaceProcess(string connectionString, string prefix, string service, int count)
    {
        var simulator = typeof(RaceCommand).Assembly.Location;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { simulator, "race", "--storage", connectionString, "--table-prefix", prefix, "--service", service, "--start", Slot.ToString("O"), "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--label", "child" })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the race process.");
    }

    private sealed record Caller(string From, string Name, string CallSid, TwilioWebhookClient Twilio)
    {
        public async Task<XElement> SayAsync(string speech)
        {
            var fields = new Dictionary<string, string>(TwilioWebhookClient.CallFields(CallSid, from: From)) { ["SpeechResult"] = speech, ["Confidence"] = "0.92" };
            return await Twiml.ReadAsync(await Twilio.PostAsync("/api/voice/turn", fields));
        }
    }
}
