namespace VoiceAgent.CallSimulator.Cli;

/// <summary>Command-line words split into <c>--name value</c> options and positional arguments.</summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string> _options;

    private CommandArguments(Dictionary<string, string> options, IReadOnlyList<string> positional)
    {
        _options = options;
        Positional = positional;
    }

    public IReadOnlyList<string> Positional { get; }

    /// <summary>Every option takes a value; an option not in <paramref name="known"/> is an error.</summary>
    public static CommandArguments Parse(IReadOnlyList<string> args, params string[] known)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
                continue;
            }

            var (name, value) = arg.Contains('=', StringComparison.Ordinal) ? (arg[..arg.IndexOf('=', StringComparison.Ordinal)], arg[(arg.IndexOf('=', StringComparison.Ordinal) + 1)..]) : (arg, null);
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                throw new ArgumentException($"Unknown option {name}. Known: {string.Join(", ", known)}.");
            }

            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"Option {name} needs a value.");
                }

                value = args[++i];
            }

            options[name] = value;
        }

        return new CommandArguments(options, positional);
    }

    public string? Get(string name) => _options.TryGetValue(name, out var value) ? value : null;

    public string Require(string name) => Get(name) ?? throw new ArgumentException($"Option {name} is required.");
}
