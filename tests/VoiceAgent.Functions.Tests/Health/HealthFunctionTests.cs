using System.Text.Json;
using Microsoft.AspNetCore.Http;
using VoiceAgent.Functions.Health;

namespace VoiceAgent.Functions.Tests.Health;

/// <summary>The liveness probe, called directly (no host, no storage).</summary>
public sealed class HealthFunctionTests
{
    [Fact]
    public void Run_AnyRequest_ReturnsOkWithStatusOk()
    {
        var result = HealthFunction.Run(new DefaultHttpContext().Request);

        Assert.Equal(StatusCodes.Status200OK, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
        Assert.Equal("""{"status":"ok"}""", JsonSerializer.Serialize(Assert.IsAssignableFrom<IValueHttpResult>(result).Value));
    }
}
