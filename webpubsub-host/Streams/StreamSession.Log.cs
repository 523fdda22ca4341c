namespace VoiceAgent.WebPubSubHost.Streams;

public sealed partial class StreamSession
{
    [LoggerMessage(EventId = 3311, Level = LogLevel.Information, Message = "Stream call {CallSid} started for tenant {TenantId}")]
    private static partial void LogStarted(ILogger logger, string callSid, string tenantId);

    [LoggerMessage(EventId = 3312, Level = LogLevel.Information, Message = "Stream call {CallSid} ended ({Reason}) after {Turns} turns")]
    private static partial void LogEnded(ILogger logger, string callSid, string reason, int turns);

    [LoggerMessage(EventId = 3313, Level = LogLevel.Warning, Message = "Stream connection refused: message {Event}, claimed call {CallSid} is not a live call")]
    private static partial void LogRefused(ILogger logger, string @event, string callSid);

    [LoggerMessage(EventId = 3314, Level = LogLevel.Error, Message = "Stream call {CallSid} turn {Turn} failed; the caller hears the apology")]
    private static partial void LogTurnFailed(ILogger logger, string callSid, int turn, Exception exception);

    [LoggerMessage(EventId = 3315, Level = LogLevel.Error, Message = "Stream call {CallSid}: cutting the interrupted reply failed")]
    private static partial void LogCutFailed(ILogger logger, string callSid, Exception exception);

    [LoggerMessage(EventId = 3316, Level = LogLevel.Warning, Message = "Stream call {CallSid}: recognition failed; the utterance is taken as not understood")]
    private static partial void LogRecognitionFailed(ILogger logger, string callSid, Exception exception);

    [LoggerMessage(EventId = 3317, Level = LogLevel.Error, Message = "Stream call {CallSid}: synthesis failed; the call is handed back to Gather")]
    private static partial void LogSpeakingFailed(ILogger logger, string callSid, Exception exception);

    [LoggerMessage(EventId = 3318, Level = LogLevel.Error, Message = "Stream call {CallSid}: storing why the call was given back failed")]
    private static partial void LogRecordEndFailed(ILogger logger, string callSid, Exception exception);
}
