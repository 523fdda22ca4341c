using Microsoft.AspNetCore.Http;

namespace VoiceAgent.TwilioApiStandIn.Rest;

/// <summary>
/// Twilio's error answer (protocols.md §5.3): <c>{"code", "message", "more_info", "status"}</c> with the HTTP status
/// repeated in the body. The codes the stand-in uses are Twilio's own.
/// </summary>
public sealed record TwilioError(int Code, string Message, int Status)
{
    public string MoreInfo => $"https://www.twilio.com/docs/errors/{Code}";

    public static TwilioError Authenticate { get; } = new(20003, "Authenticate", StatusCodes.Status401Unauthorized);

    public static TwilioError NotFound(string path) => new(20404, $"The requested resource {path} was not found", StatusCodes.Status404NotFound);

    public static TwilioError BadRequest(int code, string message) => new(code, message, StatusCodes.Status400BadRequest);

    public IResult ToResult() => TypedResults.Json(new { code = Code, message = Message, more_info = MoreInfo, status = Status }, TwilioJson.Options, statusCode: Status);
}
