using VoiceAgent.Core.Telephony;

namespace VoiceAgent.Core.Tests.Telephony;

/// <summary>Numbers inside free text (a transcript, a model's summary) are masked; times, prices and dates are not numbers.</summary>
public sealed class PhoneNumbersInTextTests
{
    [Theory]
    [InlineData("call me back on +15555550101 please", "call me back on +1********01 please")]
    [InlineData("my cell is 555-555-0177.", "my cell is 55********77.")]
    [InlineData("(555) 555 0177", "(55*********77")]
    [InlineData("an oil change at 9:30 for $49.99 on 12/02", "an oil change at 9:30 for $49.99 on 12/02")]
    public void Mask_TextWithOrWithoutANumber_MasksOnlyTheNumber(string text, string expected) =>
        Assert.Equal(expected, PhoneNumbersInText.Mask(text));
}
