namespace VoiceAgent.Core.LiveEvents;

/// <summary>
/// A Web PubSub connection string, <c>Endpoint=https://&lt;name&gt;.webpubsub.azure.com;AccessKey=&lt;key&gt;;Version=1.0;</c>
/// (an optional <c>Port=</c> overrides the endpoint's port, as the service's SDKs allow).
/// </summary>
public sealed record WebPubSubConnectionString(Uri Endpoint, string AccessKey)
{
    public static WebPubSubConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Endpoint", out var endpoint) || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            throw new FormatException("The Web PubSub connection string has no absolute Endpoint.");
        }

        if (!parts.TryGetValue("AccessKey", out var key) || string.IsNullOrWhiteSpace(key))
        {
            throw new FormatException("The Web PubSub connection string has no AccessKey.");
        }

        if (parts.TryGetValue("Port", out var port))
        {
            uri = new UriBuilder(uri) { Port = int.Parse(port, System.Globalization.CultureInfo.InvariantCulture) }.Uri;
        }

        return new WebPubSubConnectionString(uri, key);
    }

    /// <summary>Never the key: a connection string may end up in an exception message or a log.</summary>
    public override string ToString() => $"Endpoint={Endpoint};AccessKey=***";
}
