namespace VoiceAgent.Core.Customers;

public enum PinVerification
{
    Verified,
    Wrong,
    /// <summary>Too many wrong PINs in a row for this account: locked for a while, whatever is entered.</summary>
    Locked,
}
