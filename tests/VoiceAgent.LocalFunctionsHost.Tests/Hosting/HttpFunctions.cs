using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace VoiceAgent.LocalFunctionsHost.Tests.Hosting;

/// <summary>
/// HTTP functions as an isolated-worker app declares them (ASP.NET Core integration). The local host reads their
/// routes from <see cref="TestFunctionsMetadata"/>, not from these attributes, exactly as it reads the app's.
/// </summary>
public sealed class HttpFunctions(TimeProvider time)
{
    /// <summary>A route value bound to a typed parameter, an <see cref="IResult"/> back; an instance made from DI.</summary>
    [Function("Item")]
    public IResult Item([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "items/{id}")] HttpRequest request, int id) =>
        TypedResults.Ok(new ItemView(id, request.Query["q"].ToString(), time.GetUtcNow()));

    [Function("Content")]
    public static IActionResult Content([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "content")] HttpRequest request) =>
        new ContentResult { Content = "<Response><Hangup/></Response>", ContentType = "text/xml", StatusCode = StatusCodes.Status201Created };

    /// <summary>The quickstarts' shape: an <see cref="ObjectResult"/>, written by MVC's formatters.</summary>
    [Function("Object")]
    public static async Task<IActionResult> ObjectAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "object")] HttpRequest request)
    {
        await Task.Yield();
        return new OkObjectResult(new ItemView(7, "object", DateTimeOffset.UnixEpoch));
    }

    /// <summary>A function with an input binding besides its trigger (the way <c>[DurableClient]</c> comes in).</summary>
    [Function("Greeting")]
    public static IResult Greeting([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "greeting")] HttpRequest request, string greeting) =>
        TypedResults.Text(greeting);

    [Function("Throws")]
    public static async Task<IResult> ThrowsAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "throws")] HttpRequest request)
    {
        await Task.Yield();
        throw new InvalidOperationException("This function always fails.");
    }
}
