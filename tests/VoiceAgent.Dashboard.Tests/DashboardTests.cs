using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace VoiceAgent.Dashboard.Tests;

/// <summary>
/// The staff dashboard as staff use it, in headless chromium against <c>tools/dev --serve</c> (the whole local stack:
/// the function app under the local Functions host, the real-time host's event fan-out, Azurite): sign in with the dev
/// token, watch a call's lines appear while it is under way, find it in the history with its summary and outcome, and
/// see that a browser without the token gets the sign-in page and no data. The business clock is held at Tuesday
/// 2026-12-01 09:15 at the shop, so "tomorrow at 9 am" is always a working day.
/// </summary>
public sealed partial class DashboardTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string JohnSmith = "+15555550101";
    private static readonly TimeSpan LiveWait = TimeSpan.FromSeconds(15);

    private readonly HttpClient _http = new();
    private DevServe? _serve;
    private DashboardBrowser? _browser;

    private DevServe Serve => _serve ?? throw new InvalidOperationException("tools/dev --serve did not start.");

    public async Task InitializeAsync()
    {
        _serve = await DevServe.StartAsync("--no-build", "--clock", "2026-12-01T15:15:00Z");
        _browser = await DashboardBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        if (_serve is not null)
        {
            await _serve.DisposeAsync();
        }

        _http.Dispose();
    }

    [Fact]
    public async Task StaffSignIn_SeeACallLiveThenInTheHistory_AndABrowserWithoutTheTokenSeesNoData()
    {
        var dashboard = Serve.Ready.GetProperty("dashboard").GetString()!;
        await using var staff = await _browser!.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await staff.NewPageAsync();

        // Opening the dashboard without a sign-in lands on the sign-in page; the dev token signs in.
        await page.GotoAsync(dashboard);
        Assert.EndsWith("/api/dashboard/sign-in", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#token", Serve.Ready.GetProperty("staffToken").GetString()!);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#shop")).ToHaveTextAsync("Northside Auto Care");
        await Assertions.Expect(page.GetByTestId("connection")).ToHaveTextAsync("live", new() { Timeout = Wait });

        // A call comes in: the greeting, then the caller's line and the agent's answer appear while the call goes on.
        var call = new SignedCall(_http, Serve.Ready, JohnSmith);
        await call.StartAsync();
        var live = page.Locator($"[data-testid=live-call][data-call={call.CallSid}]");
        await Assertions.Expect(live.Locator("li.agent").First).ToContainTextAsync("Thanks for calling Northside Auto Care, John", Within());
        await call.SayAsync("oil change tomorrow at 9 am");
        await Assertions.Expect(live.Locator("li.caller")).ToHaveTextAsync(new[] { "oil change tomorrow at 9 am" }, new() { Timeout = Wait });
        await Assertions.Expect(live.Locator("li.agent")).ToHaveCountAsync(2, new() { Timeout = Wait });
        await Assertions.Expect(live.Locator("li.agent").Nth(1).Locator(".ms")).ToHaveTextAsync(new Regex(@"^\d+ ms$"), new() { Timeout = Wait }); // the reply's latency
        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "dashboard-live-call.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot of the dashboard during the call: {screenshot}");

        // The caller confirms and hangs up: the call leaves the live view, and the history has it, booked, with its summary.
        await call.SayAsync("yes");
        await call.SayAsync("no thanks");
        await call.EndAsync(seconds: 75);
        await Assertions.Expect(live.Locator("li.system").Last).ToContainTextAsync("call ended", Within());
        var row = page.Locator($"[data-testid=call-row][data-call={call.CallSid}]");
        await Assertions.Expect(row).ToContainTextAsync("booked", Within());
        await row.ClickAsync();
        await Assertions.Expect(page.GetByTestId("call-summary")).ToContainTextAsync(new Regex("^John called .+ Booked an oil change for Wed, Dec 2 at 9:00 AM"));
        await Assertions.Expect(page.GetByTestId("call-detail").Locator("li.caller")).ToHaveTextAsync(new[] { "oil change tomorrow at 9 am", "yes", "no thanks" });
        // And tomorrow's book has the appointment.
        await Assertions.Expect(page.Locator("#tomorrow")).ToContainTextAsync("John Smith", Within());

        // A second browser without the token: the page sends it to sign in, and the API gives 401 and no data.
        await using var stranger = await _browser.Browser.NewContextAsync();
        var strangerPage = await stranger.NewPageAsync();
        await strangerPage.GotoAsync(dashboard);
        Assert.EndsWith("/api/dashboard/sign-in", strangerPage.Url, StringComparison.Ordinal);
        await Assertions.Expect(strangerPage.Locator("body")).Not.ToContainTextAsync("John");
        var tenant = Serve.Ready.GetProperty("tenantId").GetString();
        var calls = await strangerPage.APIRequest.GetAsync($"{Serve.Functions}/api/tenants/{tenant}/calls");
        var events = await strangerPage.APIRequest.GetAsync($"{Serve.Functions}/api/tenants/{tenant}/live-events");
        Assert.Equal(((int)HttpStatusCode.Unauthorized, (int)HttpStatusCode.Unauthorized), (calls.Status, events.Status));
        Assert.DoesNotContain(call.CallSid, await calls.TextAsync(), StringComparison.Ordinal);
    }

    private static float Wait => (float)LiveWait.TotalMilliseconds;

    private static LocatorAssertionsToContainTextOptions Within() => new() { Timeout = Wait };
}
