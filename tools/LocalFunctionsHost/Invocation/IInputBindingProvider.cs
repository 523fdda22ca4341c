using VoiceAgent.LocalFunctionsHost.Metadata;

namespace VoiceAgent.LocalFunctionsHost.Invocation;

/// <summary>
/// Supplies the value of a non-trigger input binding (e.g. <c>durableClient</c>) for one invocation. Register one per
/// binding type in the host's services; a function whose binding has no provider fails at start, not at call time.
/// </summary>
public interface IInputBindingProvider
{
    /// <summary>The binding type in <c>functions.metadata</c>, e.g. <c>durableClient</c>.</summary>
    string BindingType { get; }

    object? Bind(BindingDefinition binding, Type parameterType, IServiceProvider services);
}
