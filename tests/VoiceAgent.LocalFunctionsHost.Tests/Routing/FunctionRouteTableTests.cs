namespace VoiceAgent.LocalFunctionsHost.Tests.Routing;

/// <summary>The route table the URL tests rely on matches as the host does: templates with parameters, methods in any case, nothing else.</summary>
public sealed class FunctionRouteTableTests
{
    private static readonly Uri FunctionApp = new("https://func-voiceagent.azurewebsites.net");

    [Theory]
    [InlineData("GET", "/api/tenants/northside-auto/appointments?from=2026-12-01", "StaffAppointments")]
    [InlineData("GET", "/api/tenants/northside-auto/calls?outcome=booked", "StaffCalls")]
    [InlineData("GET", "/api/tenants/northside-auto/calls/CA0123", "StaffCall")]
    [InlineData("POST", "/api/tenants/northside-auto/customers/erase", "StaffEraseCustomer")]
    [InlineData("GET", "/api/staff/me", "StaffMe")]
    [InlineData("GET", "/api/tenants/northside-auto/live-events", "StaffLiveEvents")]
    [InlineData("POST", "/api/tenants/northside-auto/messages/CA0123/0", "StaffMessageDone")]
    [InlineData("GET", "/api/dashboard", "Dashboard")]
    [InlineData("GET", "/api/dashboard/assets/dashboard.js", "DashboardAsset")]
    [InlineData("GET", "/api/dashboard/sign-in", "DashboardSignInPage")]
    [InlineData("POST", "/api/dashboard/sign-in", "DashboardSignIn")]
    [InlineData("get", "/api/health", "Health")]
    [InlineData("post", "/api/voice/incoming", "VoiceIncoming")]
    [InlineData("POST", "/api/voice/continue?turn=abc&hop=1", "VoiceContinue")]
    public void Resolve_AppRoute_ReachesItsFunction(string method, string path, string function) =>
        Assert.Equal(function, Assert.Single(FunctionRouteTable.App.Resolve(method, new Uri(FunctionApp, path))).Function);

    [Theory]
    [InlineData("GET", "/api/voice/incoming")]
    [InlineData("POST", "/api/tenants/northside-auto/appointments")]
    [InlineData("POST", "/voice/incoming")]
    [InlineData("POST", "/api/voice/incoming/again")]
    [InlineData("POST", "/api/voice/nothing")]
    [InlineData("GET", "/api/tenants/appointments")]
    [InlineData("GET", "/api/tenants/northside-auto/customers/erase")]
    public void Resolve_OtherMethodOrPath_ReachesNothing(string method, string path) =>
        Assert.Empty(FunctionRouteTable.App.Resolve(method, new Uri(FunctionApp, path)));
}
