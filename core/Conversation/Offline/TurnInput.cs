using VoiceAgent.Core.Conversation.Tools;
using VoiceAgent.Core.Conversation.Understanding;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>Everything one offline turn works with: the caller's words, what they mean, the state, and the tools.</summary>
internal sealed class TurnInput
{
    public TurnInput(ConversationContext context, DialogState state, CallerInput input, AgentTools tools)
    {
        Context = context;
        State = state;
        Input = input;
        Tools = tools;
        Text = input.Text;
        // Keys pressed are answers (1 = yes, 2 = no, a PIN, a phone number), never a date or time.
        Phrase = string.IsNullOrWhiteSpace(input.Speech) ? null : DateTimePhraseParser.Parse(Text, context.Now, context.Tenant.Time);
        Service = ServiceMatcher.Find(Text, context.Tenant);
        YesNo = YesNoClassifier.Classify(WithoutServiceNames(Text, context.Tenant), PendingAction(state));
    }

    public ConversationContext Context { get; }
    public DialogState State { get; }
    public CallerInput Input { get; }
    public AgentTools Tools { get; }
    public string Text { get; }
    public DateTimePhrase? Phrase { get; }
    public ServiceOffering? Service { get; }
    public YesNoAnswer YesNo { get; }

    /// <summary>The whole input is a single key, "1" or "2" (pressed or said): an answer to a yes/no question.</summary>
    public bool IsBareKeyAnswer => Text is "1" or "2" or "1." or "2.";

    /// <summary>Set by a flow that could not use what the caller said (counts toward handing the call to a person).</summary>
    public bool NotUnderstood { get; set; }

    public TenantProfile Tenant => Context.Tenant;

    /// <summary>The thanks a goodbye on this call says: for calling, or for the customer's time on the shop's own call.</summary>
    public string Thanks => DialogPrompts.Thanks(Tenant.Name, State.ShopCalled);

    /// <summary>"yes, the oil change": a service's name is not a change of mind, whatever words it is made of.</summary>
    private static string WithoutServiceNames(string text, TenantProfile tenant)
    {
        var normalised = Phrases.Normalise(text);
        foreach (var phrase in tenant.Services.SelectMany(s => s.Synonyms.Append(s.Name)).OrderByDescending(p => p.Length))
        {
            var at = Phrases.PhrasePosition(normalised, phrase);
            if (at >= 0)
            {
                normalised = $"{normalised[..at]} {normalised[(at + Phrases.Normalise(phrase).Length)..]}";
            }
        }

        return normalised;
    }

    /// <summary>The verb of the change awaiting a yes ("cancel"), which a yes may repeat; a booking's "cancel that" stays a no.</summary>
    private static string? PendingAction(DialogState state) => state.Stage == DialogStage.AwaitConfirmation
        ? state.Task switch
        {
            DialogTask.Cancel => "cancel",
            DialogTask.Reschedule => "move",
            _ => null,
        }
        : null;

    public DateOnly Today => Tenant.Time.Today(Context.Now);
}
