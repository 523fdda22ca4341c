using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Conversation.Offline;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Functions.Staff;
using VoiceAgent.Functions.Tests.Support;

namespace VoiceAgent.Functions.Tests.Staff;

/// <summary>
/// A call whose turn failed on our side: the caller hears the apology fallback, and the finished call is flagged
/// <c>apology-fallback</c> in the history, so staff can filter the calls that went badly.
/// </summary>
public sealed class CallFlagsOverHttpTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task TurnFails_CallerHearsTheApology_AndTheCallIsFlagged()
    {
        await using var app = await FunctionsApp.StartAsync(
            azurite.Server.ConnectionString,
            services: services => services.Replace(ServiceDescriptor.Singleton<IConversationEngine>(sp => new FailingOnEngine(ActivatorUtilities.CreateInstance<OfflineDialogEngine>(sp), "what are your hours"))));
        var twilio = new TwilioWebhookClient(app.CreateClient(), app.AuthToken);
        var callSid = TwilioWebhookClient.NewCallSid();
        var fields = TwilioWebhookClient.CallFields(callSid);

        (await twilio.PostAsync("/api/voice/incoming", fields)).EnsureSuccessStatusCode();
        var turn = await twilio.PostAsync("/api/voice/turn", new Dictionary<string, string>(fields) { ["SpeechResult"] = "what are your hours" });
        var heard = await turn.Content.ReadAsStringAsync();
        (await twilio.PostAsync("/api/voice/status", new Dictionary<string, string>(fields) { ["CallStatus"] = "completed", ["CallDuration"] = "30" })).EnsureSuccessStatusCode();
        var flagged = await app.CreateStaffClient(DemoTenant.Id).GetFromJsonAsync<List<CallView>>($"/api/tenants/{DemoTenant.Id}/calls?flagged=true");

        Assert.Contains("I'm sorry, I'm having trouble on my end.", heard, StringComparison.Ordinal);
        var call = Assert.Single(flagged!);
        Assert.Equal(callSid, call.CallSid);
        Assert.Contains(CallFlags.ApologyFallback, call.Flags);
    }

    /// <summary>The real engine, except that one caller line throws, as a failing dependency would.</summary>
    private sealed class FailingOnEngine(IConversationEngine inner, string line) : IConversationEngine
    {
        public AgentReply Greet(ConversationContext context, DialogState state) => inner.Greet(context, state);

        public AgentReply GreetForReminder(ConversationContext context, DialogState state, VoiceAgent.Core.Appointments.Appointment appointment) => inner.GreetForReminder(context, state, appointment);

        public Task<AgentReply> RespondAsync(ConversationContext context, DialogState state, CallerInput input, CancellationToken cancellationToken) =>
            input.Speech == line ? throw new InvalidOperationException("the engine's dependency failed") : inner.RespondAsync(context, state, input, cancellationToken);
    }
}
