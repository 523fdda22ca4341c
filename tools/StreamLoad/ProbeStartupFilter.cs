using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace VoiceAgent.StreamLoad;

/// <summary>Ahead of the host's own pipeline: marks the request with its call's probe (see <see cref="CallProbe"/>).</summary>
internal sealed class ProbeStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            CallProbe.Enter(context.Request.Headers[CallProbe.Header].FirstOrDefault());
            return following(context);
        });
        next(app);
    };
}
