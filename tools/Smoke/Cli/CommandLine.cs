namespace VoiceAgent.Smoke.Cli;

/// <summary>
/// Command-line words split into <c>--name value</c> options, <c>--flag</c> switches and positional arguments; an unknown
/// option is a <see cref="UsageException"/>.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> _options;
    private readonly HashSet<string> _flags;

    private CommandLine(Dictionary<string, string> options, HashSet<string> flags, IReadOnlyList<string> positional)
    {
        _options = options;
        _flags = flags;
        Positional = positional;
    }

    public IReadOnlyList<string> Positional { get; }

    public static CommandLine Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> options, IReadOnlyCollection<string> flags)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var set = new HashSet<string>(StringComparer.Ordinal);
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
            }
            else if (flags.Contains(arg))
            {
                set.Add(arg);
            }
            else if (options.Contains(arg))
            {
                values[arg] = i + 1 < args.Count ? args[++i] : throw new UsageException($"{arg} needs a value.");
            }
            else
            {
                throw new UsageException($"Unknown option {arg}. Known: {string.Join(", ", options.Concat(flags))}.");
            }
        }

        return new CommandLine(values, set, positional);
    }

    public string? Get(string name) => _options.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public bool Has(string flag) => _flags.Contains(flag);
}
