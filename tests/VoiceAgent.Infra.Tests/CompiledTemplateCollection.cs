namespace VoiceAgent.Infra.Tests;

/// <summary>Tests that read the compiled template share one build of it.</summary>
[CollectionDefinition(Name)]
public sealed class CompiledTemplateCollection : ICollectionFixture<CompiledTemplateFixture>
{
    public const string Name = "compiled template";
}
