namespace VoiceAgent.LocalFunctionsHost.Tests.Durable;

/// <summary>One Azurite for every Durable test; each host has a task hub of its own in it.</summary>
[CollectionDefinition(Name)]
public sealed class DurableCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Durable on Azurite";
}
