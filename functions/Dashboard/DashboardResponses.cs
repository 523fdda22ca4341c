namespace VoiceAgent.Functions.Dashboard;

/// <summary>
/// How the dashboard's pages and files are answered: never cached by a shared cache, never sniffed, never framed, and
/// the pages limited to this app's own scripts and styles (live events come over a WebSocket to Web PubSub).
/// </summary>
internal static class DashboardResponses
{
    private const string PageSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ws: wss:; "
        + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    public static IResult Page(HttpResponse response, string html, int status = StatusCodes.Status200OK)
    {
        response.Headers.ContentSecurityPolicy = PageSecurityPolicy;
        Harden(response);
        return TypedResults.Text(html, "text/html; charset=utf-8", statusCode: status);
    }

    public static IResult File(HttpResponse response, byte[] content, string contentType)
    {
        Harden(response);
        return TypedResults.Bytes(content, contentType);
    }

    public static IResult Redirect(HttpResponse response, string location)
    {
        Harden(response);
        response.Headers.Location = location;
        return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static void Harden(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XFrameOptions = "DENY";
    }
}
