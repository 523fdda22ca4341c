using System.Text.Json;
using Microsoft.Extensions.AI;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Conversation.Llm;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Tests.Support;

namespace VoiceAgent.Core.Tests.Conversation.Llm;

/// <summary>
/// The demo shop in fresh Azurite tables, with calls that reach its tools the way the model does: by name, with JSON
/// arguments, one <see cref="ModelTurn"/> at a time, so the two-step write can be played turn by turn.
/// </summary>
internal sealed class ModelToolsHarness(SeededDemoShop shop)
{
    /// <summary>Tuesday, December 1st 2026, 9:15 AM in the shop's zone (America/Chicago).</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 15, 0, TimeSpan.FromHours(-6));

    public static Customer John => DemoTenant.Customers[0];

    public static Customer Maria => DemoTenant.Customers[1];

    public SeededDemoShop Shop => shop;

    public static async Task<ModelToolsHarness> CreateAsync(AzuriteFixture azurite) =>
        new(await SeededDemoShop.CreateAsync(azurite, Now));

    /// <summary>A call from <paramref name="caller"/> (null: a number not on file), before its first caller turn.</summary>
    public ModelCall Call(Customer? caller, string? callerNumber = null) =>
        new(shop, new ConversationContext(DemoTenant.Profile, "CA" + Guid.NewGuid().ToString("N"), callerNumber ?? caller?.PhoneNumber ?? "+15555550177", caller, Now));

    /// <summary>Books directly through the scheduling service (not through the model), to set up the book.</summary>
    public async Task<Appointment> BookDirectAsync(Customer customer, string service, DateTimeOffset start)
    {
        var offering = DemoTenant.Profile.Services.Single(s => s.Name == service);
        var result = await shop.Scheduling.BookAsync(DemoTenant.Profile, customer, offering, start, null, null, CancellationToken.None);
        return result.Appointment ?? throw new InvalidOperationException($"Setup booking refused: {result.Refusal?.Status}");
    }

    /// <summary>Every appointment in the next two months, any customer, any status.</summary>
    public Task<IReadOnlyList<Appointment>> AllAppointmentsAsync() =>
        shop.Appointments.ListAsync(DemoTenant.Id, new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 31), null, CancellationToken.None);

    public static DateTimeOffset Local(int month, int day, int hour, int minute = 0) =>
        DemoTenant.Profile.Time.At(new DateOnly(month == 1 ? 2027 : 2026, month, day), new TimeOnly(hour, minute));
}

/// <summary>One call to the model's tools: its call state and model conversation, and the caller turn under way.</summary>
internal sealed class ModelCall
{
    private readonly SeededDemoShop _shop;
    private IReadOnlyList<AIFunction>? _functions;

    public ModelCall(SeededDemoShop shop, ConversationContext context)
    {
        _shop = shop;
        Context = context;
        State.Model = Conversation;
        Turn = new ModelTurn(Conversation, callerSaidYes: false);
    }

    public ConversationContext Context { get; }

    public DialogState State { get; } = new();

    public ModelConversation Conversation { get; } = new() { Turn = 0 };

    public ModelTurn Turn { get; private set; }

    /// <summary>The caller's next turn: <paramref name="callerSaidYes"/> is our own reading of their words.</summary>
    public ModelTurn NextTurn(bool callerSaidYes)
    {
        Conversation.Turn++;
        Turn = new ModelTurn(Conversation, callerSaidYes);
        _functions = null;
        return Turn;
    }

    public IReadOnlyList<AIFunction> Functions =>
        _functions ??= ModelTools.Create(_shop.Tools.For(Context, State), State, Turn, Context);

    /// <summary>Calls <paramref name="tool"/> as the model would, and returns its result as JSON.</summary>
    public async Task<JsonElement> InvokeAsync(string tool, Dictionary<string, object?> arguments)
    {
        var function = Functions.Single(f => f.Name == tool);
        var result = await function.InvokeAsync(new AIFunctionArguments(arguments), CancellationToken.None);
        return result is JsonElement element ? element : JsonSerializer.SerializeToElement(result, AIJsonUtilities.DefaultOptions);
    }

    public async Task<string?> StatusOfAsync(string tool, Dictionary<string, object?> arguments) =>
        (await InvokeAsync(tool, arguments)).GetProperty("status").GetString();
}
