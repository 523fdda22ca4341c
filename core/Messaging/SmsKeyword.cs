namespace VoiceAgent.Core.Messaging;

/// <summary>What an inbound text asks for, by Twilio's standard keywords.</summary>
public enum SmsKeyword
{
    /// <summary>Any other text.</summary>
    None,
    /// <summary>STOP and its synonyms: no more texts.</summary>
    OptOut,
    /// <summary>START, YES, UNSTOP: texts again.</summary>
    OptIn,
    /// <summary>HELP, INFO: who we are and how to stop.</summary>
    Help,
}
