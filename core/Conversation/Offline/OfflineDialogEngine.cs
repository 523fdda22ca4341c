using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>
/// The deterministic, zero-key dialog engine: greeting, hours, address and price questions, transfer to a
/// person, and goodbye. Reprompts on silence and hands the call to a person after repeated failure.
/// </summary>
public sealed class OfflineDialogEngine : IConversationEngine
{
    public const int MaxSilences = 2;
    public const int MaxMisunderstandings = 2;
    private const string AnythingElse = "Is there anything else I can help you with?";

    public AgentReply Greet(ConversationContext context, DialogState state)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.Customer is { } customer ? $", {customer.FirstName}" : string.Empty;
        return AgentReply.Listen($"Thanks for calling {context.Tenant.Name}{name}. How can I help you today?");
    }

    public Task<AgentReply> RespondAsync(ConversationContext context, DialogState state, CallerInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        return Task.FromResult(Respond(context, state, input));
    }

    private static AgentReply Respond(ConversationContext context, DialogState state, CallerInput input)
    {
        var tenant = context.Tenant;
        if (input.IsEmpty)
        {
            state.Silences++;
            return state.Silences >= MaxSilences
                ? AgentReply.Hangup($"I haven't heard anything, so I'll let you go. Thanks for calling {tenant.Name}. Goodbye!")
                : AgentReply.Listen("Sorry, I didn't hear anything. How can I help you today?");
        }

        state.Silences = 0;
        var intent = IntentClassifier.Classify(input.Text, tenant);
        if (intent != CallerIntent.Unknown)
        {
            state.Misunderstandings = 0;
        }

        switch (intent)
        {
            case CallerIntent.Transfer:
                return TransferTo(tenant, IntentClassifier.FindDepartment(input.Text, tenant) ?? tenant.DefaultTransferTarget, "Sure, let me connect you");
            case CallerIntent.Appointment:
                return TransferTo(tenant, tenant.DefaultTransferTarget, "I can't change appointments on this line yet, so let me connect you");
            case CallerIntent.Hours:
                return AgentReply.Listen($"{HoursSpeech.Answer(tenant, input.Text, context.Now)} {AnythingElse}");
            case CallerIntent.Faq:
                return AgentReply.Listen($"{IntentClassifier.FindFaq(input.Text, tenant)!.Answer} {AnythingElse}");
            case CallerIntent.Goodbye:
                return AgentReply.Hangup($"Thanks for calling {tenant.Name}. Have a great day. Goodbye!");
            case CallerIntent.Thanks:
                return AgentReply.Listen($"You're welcome. {AnythingElse}");
            default:
                state.Misunderstandings++;
                return state.Misunderstandings >= MaxMisunderstandings
                    ? TransferTo(tenant, tenant.DefaultTransferTarget, "I'm sorry, I'm having trouble understanding. Let me connect you")
                    : AgentReply.Listen("Sorry, I didn't catch that. I can tell you our hours or our address, or connect you with someone at the shop. What would you like?");
        }
    }

    private static AgentReply TransferTo(TenantProfile tenant, TransferTarget? target, string lead) =>
        target is null
            ? AgentReply.Hangup($"I'm sorry, there's nobody I can transfer you to right now. Please call back during business hours. Goodbye!")
            : AgentReply.Transfer($"{lead} with our {target.Department}. One moment please.", target.Target);
}
