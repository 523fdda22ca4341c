using System.Text.RegularExpressions;

namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>
/// Runs regex-based understanding with its match timeouts as a guard, not a failure: the first call on a cold process
/// can spend the timeout compiling the generated matchers, so a timeout is retried once before giving the fallback.
/// </summary>
internal static class RegexGuard
{
    public static T Run<T>(Func<T> understand, T fallback)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                return understand();
            }
            catch (RegexMatchTimeoutException)
            {
            }
        }

        return fallback;
    }
}
