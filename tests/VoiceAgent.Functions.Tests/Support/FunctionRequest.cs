using Microsoft.AspNetCore.Http;

namespace VoiceAgent.Functions.Tests.Support;

/// <summary>
/// Requests for calling a function's method directly, with no host in between (the documented way to test
/// isolated-worker functions): a <see cref="DefaultHttpContext"/> as the worker's ASP.NET Core integration hands it to
/// the function, on the public URL Twilio and staff use.
/// </summary>
public static class FunctionRequest
{
    private static readonly Uri Public = new(FunctionsApp.PublicBaseUrl);

    /// <summary>A form POST to <paramref name="path"/>, with <c>X-Twilio-Signature</c> when <paramref name="signature"/> is given.</summary>
    public static async Task<HttpRequest> FormAsync(IServiceProvider services, string path, IReadOnlyDictionary<string, string> fields, string? signature)
    {
        var request = New(services, HttpMethods.Post, path, QueryString.Empty);
        using var form = new FormUrlEncodedContent(fields);
        var body = await form.ReadAsByteArrayAsync();
        request.ContentType = "application/x-www-form-urlencoded";
        request.ContentLength = body.Length;
        request.Body = new MemoryStream(body);
        if (signature is not null)
        {
            request.Headers["X-Twilio-Signature"] = signature;
        }

        return request;
    }

    /// <summary>A GET of <paramref name="path"/> and <paramref name="query"/>, with <c>Authorization: Bearer</c> when <paramref name="bearerToken"/> is given.</summary>
    public static HttpRequest Get(IServiceProvider services, string path, string query = "", string? bearerToken = null)
    {
        var request = New(services, HttpMethods.Get, path, new QueryString(query));
        if (bearerToken is not null)
        {
            request.Headers.Authorization = $"Bearer {bearerToken}";
        }

        return request;
    }

    private static HttpRequest New(IServiceProvider services, string method, string path, QueryString query)
    {
        var request = new DefaultHttpContext { RequestServices = services }.Request;
        request.Method = method;
        request.Scheme = Public.Scheme;
        request.Host = new HostString(Public.Authority);
        request.Path = path;
        request.QueryString = query;
        return request;
    }
}
