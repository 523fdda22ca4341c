using System.Reflection;

namespace VoiceAgent.LocalFunctionsHost;

/// <summary>What the local host serves: the functions assembly, its generated metadata and host.json, and its DI registration.</summary>
public sealed class LocalFunctionsHostOptions
{
    public required Assembly FunctionsAssembly { get; init; }

    /// <summary>The functions app's own service registration, the one its Program.cs calls.</summary>
    public required Action<IServiceCollection, IConfiguration> AddFunctionsServices { get; init; }

    public string[] Args { get; init; } = [];

    /// <summary>App settings on top of the environment and <see cref="Args"/>, in place before the app registers its services.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public string MetadataPath { get; init; } = Metadata.FunctionsMetadataFile.DefaultPath;

    public string HostJsonPath { get; init; } = Path.Combine(AppContext.BaseDirectory, Metadata.HostJson.FileName);

    /// <summary>Last word on the builder: configuration, services and Kestrel for tests and tools.</summary>
    public Action<WebApplicationBuilder>? Configure { get; init; }
}
