using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing.Patterns;
using VoiceAgent.LocalFunctionsHost.Invocation;

namespace VoiceAgent.LocalFunctionsHost.Triggers;

/// <summary>
/// Serves <c>httpTrigger</c> functions on <c>{routePrefix}/{route}</c> with their methods, as the Functions host does
/// with ASP.NET Core integration: the function gets the real <see cref="HttpRequest"/> and route values, and its
/// <see cref="IResult"/> or <see cref="IActionResult"/> is executed on the response. An exception is a bare 500.
/// </summary>
public static partial class HttpTriggerEndpoints
{
    public const string BindingType = "httpTrigger";

    public static IEndpointRouteBuilder MapHttpTriggers(this IEndpointRouteBuilder endpoints, IEnumerable<FunctionEntryPoint> functions, string routePrefix)
    {
        foreach (var function in functions.Where(f => f.Definition.Trigger.Type.Equals(BindingType, StringComparison.OrdinalIgnoreCase)))
        {
            var trigger = function.Definition.Trigger;
            var route = RouteOf(function);
            var pattern = routePrefix.Length == 0 ? $"/{route}" : $"/{routePrefix}/{route}";
            var methods = trigger.List("methods").Select(m => m.ToUpperInvariant()).ToList();
            RequestDelegate handler = context => InvokeAsync(function, context);
            var endpoint = methods.Count == 0 ? endpoints.Map(pattern, handler) : endpoints.MapMethods(pattern, methods, handler);
            endpoint.WithName(function.Name).WithMetadata(function.Definition);
        }

        return endpoints;
    }

    /// <summary>The names an HTTP function's route offers its parameters (<c>items/{id}</c>: <c>id</c>).</summary>
    public static IReadOnlyList<string> RouteParameters(FunctionEntryPoint function) =>
        [.. RoutePatternFactory.Parse(RouteOf(function)).Parameters.Select(p => p.Name)];

    private static string RouteOf(FunctionEntryPoint function) => (function.Definition.Trigger.Text("route") ?? function.Name).TrimStart('/');

    private static async Task InvokeAsync(FunctionEntryPoint function, HttpContext context)
    {
        var invoker = context.RequestServices.GetRequiredService<FunctionInvoker>();
        var routeValues = context.Request.RouteValues.ToDictionary(v => v.Key, v => v.Value, StringComparer.OrdinalIgnoreCase);
        object? result;
        try
        {
            result = await invoker.InvokeAsync(function, context.RequestServices, context.Request, routeValues, context.RequestAborted);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            LogFailed(Logger(context), function.Name, ex);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        switch (result)
        {
            case IResult typed:
                await typed.ExecuteAsync(context);
                break;
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
            case null:
                break;
            default:
                LogUnsupportedResult(Logger(context), function.Name, result.GetType().Name);
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                break;
        }
    }

    private static ILogger Logger(HttpContext context) => context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("LocalFunctionsHost.Http");

    [LoggerMessage(EventId = 9101, Level = LogLevel.Error, Message = "Function {Function} failed; the host answers 500")]
    private static partial void LogFailed(ILogger logger, string function, Exception exception);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Error, Message = "Function {Function} returned {Type}, which is not an HTTP result")]
    private static partial void LogUnsupportedResult(ILogger logger, string function, string type);
}
