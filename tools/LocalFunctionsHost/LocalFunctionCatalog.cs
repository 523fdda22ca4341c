using System.Reflection;
using VoiceAgent.LocalFunctionsHost.Invocation;
using VoiceAgent.LocalFunctionsHost.Metadata;

namespace VoiceAgent.LocalFunctionsHost;

/// <summary>The app's functions: every entry in <c>functions.metadata</c>, resolved to its method in the functions assembly.</summary>
public sealed class LocalFunctionCatalog(IReadOnlyList<FunctionEntryPoint> functions)
{
    public IReadOnlyList<FunctionEntryPoint> Functions { get; } = functions;

    public static LocalFunctionCatalog Load(string metadataPath, Assembly functionsAssembly) =>
        new([.. FunctionsMetadataFile.Load(metadataPath).Select(d => FunctionEntryPoint.Resolve(d, functionsAssembly))]);

    public FunctionEntryPoint? Find(string name) => Functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
