using System.Diagnostics;

namespace VoiceAgent.AgentTurnLoad;

/// <summary>
/// Counts the HTTP requests that reach Azurite's table port, from the <c>System.Net.Http</c> activity source the Azure
/// SDK's transport reports to: each goes to the <see cref="TurnMeter"/> of the turn that made it, named by method, table
/// and shape (<c>GET Calls entity</c>, <c>PUT Turns entity</c>, <c>GET Schedule query</c>, <c>POST $batch</c>).
/// </summary>
internal sealed class StorageRequests : IDisposable
{
    private readonly ActivityListener _listener;

    public StorageRequests(int tablePort)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (TurnMeter.Current is { } meter && Target(activity) is { } uri && uri.Port == tablePort)
                {
                    meter.AddStorage(new StorageRequest(Kind(activity, uri), activity.Duration));
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    private static Uri? Target(Activity activity) =>
        activity.GetTagItem("url.full") is string url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;

    /// <summary><c>/devstoreaccount1/Calls(PartitionKey='…',RowKey='…')</c> → <c>Calls entity</c>; <c>/devstoreaccount1/Schedule()</c> → <c>Schedule query</c>.</summary>
    private static string Kind(Activity activity, Uri uri)
    {
        var method = activity.GetTagItem("http.request.method") as string ?? "?";
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = Uri.UnescapeDataString(segments.Length > 1 ? segments[1] : segments.FirstOrDefault() ?? "");
        var paren = resource.IndexOf('(', StringComparison.Ordinal);
        var table = paren < 0 ? resource : resource[..paren];
        var shape = resource.Contains("PartitionKey", StringComparison.Ordinal) ? " entity"
            : table.StartsWith('$') ? ""
            : method == "GET" ? " query"
            : " table";
        return $"{method} {table}{shape}";
    }
}
