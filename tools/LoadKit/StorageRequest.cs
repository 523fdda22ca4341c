using System.Diagnostics;

namespace VoiceAgent.LoadKit;

/// <summary>
/// One HTTP request to storage: what it was (method, table, entity/query/batch), how long it took to its response
/// headers, and the trace it ran in (a driver that cannot reach the code making it, such as a host serving a socket,
/// tells its calls apart by the <c>traceparent</c> it sent).
/// </summary>
public sealed record StorageRequest(string Kind, TimeSpan Duration, ActivityTraceId TraceId);
