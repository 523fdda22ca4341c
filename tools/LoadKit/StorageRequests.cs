using System.Diagnostics;

namespace VoiceAgent.LoadKit;

/// <summary>
/// Sees every HTTP request that reaches Azurite's table port, from the <c>System.Net.Http</c> activity source the Azure
/// SDK's transport reports to, and hands each to <c>seen</c> as it completes, named by method, table and shape
/// (<c>GET Calls entity</c>, <c>PUT Turns entity</c>, <c>GET Schedule query</c>, <c>POST $batch</c>). The callback
/// runs in the async flow of the code that made the request, so it can read that code's ambient state.
/// </summary>
public sealed class StorageRequests : IDisposable
{
    private readonly ActivityListener _listener;

    public StorageRequests(int tablePort, Action<StorageRequest> seen)
    {
        ArgumentNullException.ThrowIfNull(seen);
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Target(activity) is { } uri && uri.Port == tablePort)
                {
                    seen(new StorageRequest(Kind(activity, uri), activity.Duration, activity.TraceId));
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
