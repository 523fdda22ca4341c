using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace VoiceAgent.Functions.Tests.Support;

/// <summary>Counts what one app instance records on one counter (its own meter factory only, so parallel tests do not mix).</summary>
public sealed class MetricProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, object?>> _measurements = new();

    public MetricProbe(IServiceProvider services, string instrument)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (i, listener) =>
        {
            if (i.Name == instrument && ReferenceEquals(i.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(i);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            for (var n = 0; n < value; n++)
            {
                _measurements.Enqueue(copy);
            }
        });
        _listener.Start();
    }

    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Measurements => [.. _measurements];

    public void Dispose() => _listener.Dispose();
}
