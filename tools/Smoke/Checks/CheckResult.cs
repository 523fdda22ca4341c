namespace VoiceAgent.Smoke.Checks;

/// <summary>The outcome of one smoke check: its name (as the PASS/FAIL line shows it), passed, failed or skipped, and why.</summary>
public sealed record CheckResult(string Name, CheckVerdict Verdict, string Detail)
{
    public static CheckResult Pass(string name, string detail) => new(name, CheckVerdict.Pass, detail);

    public static CheckResult Fail(string name, string detail) => new(name, CheckVerdict.Fail, detail);

    public static CheckResult Skip(string name, string detail) => new(name, CheckVerdict.Skip, detail);

    /// <summary><c>PASS health: 200 {"status":"ok"}</c>.</summary>
    public string Line => $"{Verdict.ToString().ToUpperInvariant()} {Name}: {Detail}";
}
