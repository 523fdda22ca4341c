using VoiceAgent.Core.Conversation.Llm;

namespace VoiceAgent.Core.Tests.Conversation.Llm;

/// <summary>
/// The gate on writes: a write is allowed only when the same tool and arguments were read back on the previous turn,
/// the reply said it, and this turn is the caller's yes, once per turn; anything but a yes declines it.
/// </summary>
public sealed class ModelTurnTests
{
    private const string Book = "book_appointment";
    private const string At9 = "oil change|2026-12-02T09:00";
    private static readonly string[] SayNine = [ReadBackWords.Hour(new TimeOnly(9, 0))];

    [Fact]
    public void CheckWrite_FirstTime_IsReadBackAndRecordedAsTheProposal()
    {
        var conversation = new ModelConversation { Turn = 3 };
        var turn = new ModelTurn(conversation, callerSaidYes: true);

        var check = turn.CheckWrite(Book, At9, SayNine);

        Assert.Equal(WriteCheck.ReadBack, check);
        Assert.Equal((Book, At9, 3), (conversation.Proposal?.Tool, conversation.Proposal?.Arguments, conversation.Proposal?.Turn));
        Assert.Equal(SayNine, conversation.Proposal!.MustSay);
        Assert.True(turn.ChangedCallState);
    }

    [Fact]
    public void CheckWrite_AgainInTheSameTurn_AwaitsTheCallersAnswer()
    {
        var conversation = new ModelConversation { Turn = 1 };
        var turn = new ModelTurn(conversation, callerSaidYes: true);
        turn.CheckWrite(Book, At9, SayNine);

        Assert.Equal(WriteCheck.AwaitingAnswer, turn.CheckWrite(Book, At9, SayNine));
        Assert.Equal(1, conversation.Proposal?.Turn);
    }

    [Fact]
    public void CheckWrite_NextTurnWithYes_IsAllowedAndUsesTheProposalUp()
    {
        var conversation = Proposed(Book, At9, onTurn: 1);
        conversation.Turn = 2;
        var turn = new ModelTurn(conversation, callerSaidYes: true);

        Assert.Equal(WriteCheck.Allowed, turn.CheckWrite(Book, At9, SayNine));
        Assert.Null(conversation.Proposal);
    }

    [Fact]
    public void CheckWrite_AllowedOnce_TheSameWriteAgainThatTurnIsNot()
    {
        var conversation = Proposed(Book, At9, onTurn: 1);
        conversation.Turn = 2;
        var turn = new ModelTurn(conversation, callerSaidYes: true);
        turn.CheckWrite(Book, At9, SayNine);

        Assert.NotEqual(WriteCheck.Allowed, turn.CheckWrite(Book, At9, SayNine));
    }

    [Fact]
    public void CheckWrite_OnlyOneWritePerTurn_EvenForAnotherProposalMadeEarlier()
    {
        var conversation = Proposed(Book, At9, onTurn: 1);
        conversation.Turn = 2;
        var turn = new ModelTurn(conversation, callerSaidYes: true);
        turn.CheckWrite(Book, At9, SayNine);
        conversation.Proposal = new WriteProposal("cancel_appointment", "20261203-ab12cd34", 1);

        Assert.NotEqual(WriteCheck.Allowed, turn.CheckWrite("cancel_appointment", "20261203-ab12cd34", SayNine));
    }

    [Fact]
    public void CheckWrite_NextTurnWithoutYes_IsDeclinedAndDropsTheProposal()
    {
        var conversation = Proposed(Book, At9, onTurn: 1);
        conversation.Turn = 2;

        var check = new ModelTurn(conversation, callerSaidYes: false).CheckWrite(Book, At9, SayNine);

        Assert.Equal(WriteCheck.Declined, check);
        Assert.Null(conversation.Proposal);
    }

    [Fact]
    public void CheckWrite_DeclinedWrite_CannotBeProposedAgainThatTurn()
    {
        var conversation = Proposed(Book, At9, onTurn: 1);
        conversation.Turn = 2;
        var turn = new ModelTurn(conversation, callerSaidYes: false);
        turn.CheckWrite(Book, At9, SayNine);

        var again = turn.CheckWrite(Book, At9, SayNine);

        Assert.Equal(WriteCheck.Declined, again);
        Assert.Null(conversation.Proposal);
    }

    [Fact]
    public void CheckWrite_DeclinedWrite_CanBeProposedAgainOnALaterTurn()
    {
        var conversation = Proposed(Book, At9, onTurn: 1);
        conversation.Turn = 2;
        new ModelTurn(conversation, callerSaidYes: false).CheckWrite(Book, At9, SayNine);
        conversation.Turn = 3;

        Assert.Equal(WriteCheck.ReadBack, new ModelTurn(conversation, callerSaidYes: true).CheckWrite(Book, At9, SayNine));
    }

    [Theory]
    [InlineData(Book, "oil change|2026-12-02T10:00")]
    [InlineData(Book, "tire rotation|2026-12-02T09:00")]
    [InlineData("reschedule_appointment", At9)]
    public void CheckWrite_YesToSomethingElse_IsANewReadBack(string tool, string arguments)
    {
        var conversation = Proposed(Book, At9, onTurn: 1);
        conversation.Turn = 2;

        var check = new ModelTurn(conversation, callerSaidYes: true).CheckWrite(tool, arguments, SayNine);

        Assert.Equal(WriteCheck.ReadBack, check);
        Assert.Equal((tool, arguments, 2), (conversation.Proposal?.Tool, conversation.Proposal?.Arguments, conversation.Proposal?.Turn));
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(1, 10)]
    [InlineData(5, 4)]
    public void CheckWrite_YesOnAnyTurnButTheNext_IsNotAllowed(int proposedOn, int yesOn)
    {
        var conversation = Proposed(Book, At9, proposedOn);
        conversation.Turn = yesOn;

        Assert.NotEqual(WriteCheck.Allowed, new ModelTurn(conversation, callerSaidYes: true).CheckWrite(Book, At9, SayNine));
    }

    [Fact]
    public void CheckWrite_ArgumentsDifferOnlyInCase_AreDifferent()
    {
        var conversation = Proposed("cancel_appointment", "20261203-ab12cd34", onTurn: 1);
        conversation.Turn = 2;

        Assert.NotEqual(WriteCheck.Allowed, new ModelTurn(conversation, callerSaidYes: true).CheckWrite("cancel_appointment", "20261203-AB12CD34", SayNine));
    }

    [Theory]
    [InlineData("Just to confirm: an oil change on Wednesday, December 2nd at 9 AM. Shall I book it?")]
    [InlineData("Shall I book nine o'clock tomorrow?")]
    [InlineData("So that's 9:00 on Wednesday, okay?")]
    public void ConfirmReadBack_ReplySaidTheTime_KeepsTheProposal(string spoken)
    {
        var conversation = new ModelConversation { Turn = 1 };
        var turn = new ModelTurn(conversation, callerSaidYes: false);
        turn.CheckWrite(Book, At9, SayNine);

        Assert.True(turn.ConfirmReadBack(spoken));
        Assert.NotNull(conversation.Proposal);
    }

    [Theory]
    [InlineData("Would you like anything else?")]
    [InlineData("That's at 19 hundred, shall I?")]
    [InlineData("It's ninety dollars. Shall I book it?")]
    public void ConfirmReadBack_ReplyDidNotSayTheTime_DropsTheProposal(string spoken)
    {
        var conversation = new ModelConversation { Turn = 1 };
        var turn = new ModelTurn(conversation, callerSaidYes: false);
        turn.CheckWrite(Book, At9, SayNine);

        Assert.False(turn.ConfirmReadBack(spoken));
        Assert.Null(conversation.Proposal);
    }

    [Fact]
    public void ConfirmReadBack_ProposalFromAnEarlierTurn_IsLeftAlone()
    {
        var conversation = Proposed(Book, At9, onTurn: 1);
        conversation.Turn = 2;

        Assert.True(new ModelTurn(conversation, callerSaidYes: false).ConfirmReadBack("Anything else?"));
        Assert.NotNull(conversation.Proposal);
    }

    [Fact]
    public void ConfirmReadBack_NoProposal_IsTrue() =>
        Assert.True(new ModelTurn(new ModelConversation { Turn = 1 }, callerSaidYes: false).ConfirmReadBack("Hello."));

    [Fact]
    public void Number_IsTheConversationsTurn() =>
        Assert.Equal(7, new ModelTurn(new ModelConversation { Turn = 7 }, callerSaidYes: false).Number);

    private static ModelConversation Proposed(string tool, string arguments, int onTurn)
    {
        var conversation = new ModelConversation { Turn = onTurn };
        Assert.Equal(WriteCheck.ReadBack, new ModelTurn(conversation, callerSaidYes: false).CheckWrite(tool, arguments, SayNine));
        return conversation;
    }
}
