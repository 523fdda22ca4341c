using System.Globalization;
using VoiceAgent.Core.Conversation.Offline;
using VoiceAgent.Core.Conversation.Understanding;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Tests.Conversation.Understanding;

/// <summary>
/// The understanding corpus (understanding-corpus.tsv), one test case per utterance: every labelled slot is checked
/// through the real rules (<see cref="IntentClassifier"/>, <see cref="ServiceMatcher"/>, <see cref="DateTimePhraseParser"/>,
/// <see cref="YesNoClassifier"/>) against the demo tenant, on Tuesday 2026-12-01 09:15 in Chicago.
/// </summary>
public sealed class UnderstandingCorpusTests
{
    private const string None = "-";
    private const string NotLabelled = ".";

    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 15, 0, TimeSpan.FromHours(-6));

    private static TenantProfile Tenant => DemoTenant.Profile;

    public static TheoryData<string, string, string, string, string, string, string, string, int> Rows()
    {
        var data = new TheoryData<string, string, string, string, string, string, string, string, int>();
        foreach (var row in UnderstandingCorpus.Rows)
        {
            data.Add(row.Utterance, row.Intent, row.Service, row.Date, row.Time, row.DayPart, row.YesNo, row.Department, row.Line);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Understand_CorpusUtterance_GivesEveryLabelledSlot(
        string utterance, string intent, string service, string date, string time, string dayPart, string yesNo, string department, int line)
    {
        var expected = Labels(intent, service, date, time, dayPart, yesNo, department);

        var actual = Understand(utterance, yesNoLabelled: yesNo != NotLabelled);

        Assert.True(expected == actual, $"line {line}: \"{utterance}\"\n  expected {expected}\n  actual   {actual}");
    }

    [Fact]
    public void Corpus_Size_HoldsAtLeastThreeHundredUtterances()
    {
        Assert.True(UnderstandingCorpus.Rows.Count >= 300, $"{UnderstandingCorpus.Rows.Count} rows");
    }

    [Fact]
    public void Corpus_Intents_CoverEveryCallerIntent()
    {
        var labelled = UnderstandingCorpus.Rows.Select(r => Enum.Parse<CallerIntent>(r.Intent)).ToHashSet();

        var unlabelled = Enum.GetValues<CallerIntent>().Except(labelled);

        Assert.Empty(unlabelled);
    }

    [Fact]
    public void Corpus_Utterances_AreEachWrittenOnce()
    {
        var repeated = UnderstandingCorpus.Rows.GroupBy(r => r.Utterance).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(repeated);
    }

    [Fact]
    public void Corpus_Departments_AreLabelledExactlyOnTransfers()
    {
        var wrong = UnderstandingCorpus.Rows.Where(r => (r.Intent == nameof(CallerIntent.Transfer)) == (r.Department == None)).Select(r => r.Line);

        Assert.Empty(wrong);
    }

    private static string Labels(string intent, string service, string date, string time, string dayPart, string yesNo, string department) =>
        $"intent={intent} service={service} date={date} time={time} part={dayPart} yesno={yesNo} department={department}";

    private static string Understand(string utterance, bool yesNoLabelled)
    {
        var intent = IntentClassifier.Classify(utterance, Tenant);
        var phrase = DateTimePhraseParser.Parse(utterance, Now, Tenant.Time);
        var yesNo = yesNoLabelled ? YesNoClassifier.Classify(utterance).ToString().ToLowerInvariant() : NotLabelled;
        var department = intent == CallerIntent.Transfer
            ? (IntentClassifier.FindDepartment(utterance, Tenant) ?? Tenant.DefaultTransferTarget)?.Department ?? None
            : None;
        return Labels(intent.ToString(), Services(utterance), Date(phrase), Time(phrase), DayPart(phrase), yesNo, department);
    }

    /// <summary>Every service named, in the order said; the single best match must be one of them.</summary>
    private static string Services(string utterance)
    {
        var all = ServiceMatcher.FindAll(utterance, Tenant).Select(s => s.Name).ToList();
        var best = ServiceMatcher.Find(utterance, Tenant)?.Name;
        if (best is not null && !all.Contains(best))
        {
            return $"best={best} but all={string.Join(" + ", all)}";
        }

        return all.Count == 0 ? None : string.Join(" + ", all);
    }

    private static string Date(DateTimePhrase? phrase) => phrase switch
    {
        { Date: { } date } => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        { DaysAfterContext: { } days } => $"ctx{days.ToString("+0;-0;+0", CultureInfo.InvariantCulture)}",
        _ => None,
    };

    private static string Time(DateTimePhrase? phrase) =>
        phrase?.Time is { } time ? time.ToString("HH:mm", CultureInfo.InvariantCulture) : None;

    private static string DayPart(DateTimePhrase? phrase) =>
        phrase?.DayPart is { } part ? part.ToString().ToLowerInvariant() : None;
}
