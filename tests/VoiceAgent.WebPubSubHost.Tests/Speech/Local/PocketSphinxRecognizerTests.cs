using System.Runtime.Versioning;
using Microsoft.Extensions.Options;
using VoiceAgent.WebPubSubHost.Audio;
using VoiceAgent.WebPubSubHost.Speech;
using VoiceAgent.WebPubSubHost.Speech.Local;

namespace VoiceAgent.WebPubSubHost.Tests.Speech.Local;

/// <summary>
/// The real pocketsphinx on what a caller's answer sounds like here: flite's speech through the call's 8 kHz μ-law,
/// decoded as the media bridge decodes it.
/// </summary>
public sealed class PocketSphinxRecognizerTests
{
    private static readonly string[] YesOrNo = ["yes", "no"];

    private static readonly string[] ReminderAnswers = ["yes", "no", "confirm", "cancel it", "I need to reschedule", "talk to a person"];

    [Theory]
    [InlineData("yes", "yes")]
    [InlineData("no, thanks", "no")]
    [InlineData("Yes, that's right, see you tomorrow.", "yes")]
    public async Task RecognizeAsync_YesOrNoOverThePhone_RecognisesTheAnswer(string spoken, string expected)
    {
        var recognizer = new PocketSphinxRecognizer(Options.Create(new PocketSphinxOptions()));

        var transcript = await recognizer.RecognizeAsync(await Telephone(spoken, YesOrNo), CancellationToken.None);

        Assert.Equal(expected, transcript.Text);
    }

    [Theory]
    [InlineData("I need to reschedule.", "i need to reschedule")]
    [InlineData("Cancel it, please.", "cancel it")]
    [InlineData("Talk to a person, please.", "talk to a person")]
    public async Task RecognizeAsync_ReminderAnswerOverThePhone_RecognisesThePhrase(string spoken, string expected)
    {
        var recognizer = new PocketSphinxRecognizer(Options.Create(new PocketSphinxOptions()));

        var transcript = await recognizer.RecognizeAsync(await Telephone(spoken, ReminderAnswers), CancellationToken.None);

        Assert.Equal(expected, transcript.Text);
    }

    [Fact]
    public async Task RecognizeAsync_NoPhrasesExpected_RecognisesOpenVocabulary()
    {
        var recognizer = new PocketSphinxRecognizer(Options.Create(new PocketSphinxOptions()));

        var transcript = await recognizer.RecognizeAsync(await Telephone("I would like to book an appointment.", null), CancellationToken.None);

        // Open vocabulary on phone audio is rough (docs/benchmarks.md has its word error rate), but it hears words.
        Assert.False(transcript.IsEmpty);
    }

    [Fact]
    public async Task RecognizeAsync_PhraseWithAWordNotInTheDictionary_LeavesOnlyThatPhraseOut()
    {
        var recognizer = new PocketSphinxRecognizer(Options.Create(new PocketSphinxOptions()));

        var transcript = await recognizer.RecognizeAsync(await Telephone("no", ["yes", "no", "zqxwv"]), CancellationToken.None);

        Assert.Equal("no", transcript.Text);
    }

    [Fact]
    public async Task RecognizeAsync_Silence_RecognisesNothing()
    {
        var recognizer = new PocketSphinxRecognizer(Options.Create(new PocketSphinxOptions()));

        var transcript = await recognizer.RecognizeAsync(new Utterance(new short[8_000], "en-US", YesOrNo), CancellationToken.None);

        Assert.True(transcript.IsEmpty);
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task RecognizeAsync_Cancelled_KillsTheRecognizerAndItsChildren()
    {
        var folder = Directory.CreateTempSubdirectory("voiceagent-recognizer-");
        try
        {
            // A stand-in recognizer that starts a child and waits on it, as a tool that never finishes would.
            var childPidFile = Path.Combine(folder.FullName, "child.pid");
            var script = Path.Combine(folder.FullName, "hangs");
            await File.WriteAllTextAsync(script, $"#!/bin/sh\nsleep 300 &\necho $! > {childPidFile}\nwait\n");
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var recognizer = new PocketSphinxRecognizer(Options.Create(new PocketSphinxOptions { Path = script }));
            using var cancellation = new CancellationTokenSource();

            var recognizing = recognizer.RecognizeAsync(new Utterance(new short[8_000], "en-US"), cancellation.Token);
            var childPid = await WaitForPid(childPidFile);
            await cancellation.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => recognizing);
            Assert.False(IsRunning(childPid), $"the recognizer's child {childPid} still runs");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task RecognizeAsync_RecognizerMissing_ThrowsNamingTheSetting()
    {
        var recognizer = new PocketSphinxRecognizer(Options.Create(new PocketSphinxOptions { Path = "/nonexistent/pocketsphinx_continuous" }));

        var exception = await Assert.ThrowsAsync<SpeechToolNotFoundException>(
            () => recognizer.RecognizeAsync(new Utterance(new short[800], "en-US"), CancellationToken.None));

        Assert.Contains("Speech:Local:PocketSphinx:Path", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecognizeAsync_NotEnglish_IsNotSupported()
    {
        var recognizer = new PocketSphinxRecognizer(Options.Create(new PocketSphinxOptions()));

        await Assert.ThrowsAsync<NotSupportedException>(
            () => recognizer.RecognizeAsync(new Utterance(new short[800], "es-MX"), CancellationToken.None));
    }

    private static async Task<int> WaitForPid(string pidFile)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (File.Exists(pidFile) && int.TryParse(await File.ReadAllTextAsync(pidFile), out var pid))
            {
                return pid;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"the stand-in never wrote {pidFile}");
    }

    /// <summary>Alive and not a zombie (a killed child of a killed shell may linger as one until init reaps it).</summary>
    private static bool IsRunning(int pid)
    {
        var status = $"/proc/{pid}/status";
        return File.Exists(status) && !File.ReadAllLines(status).Any(line => line.StartsWith("State:", StringComparison.Ordinal) && line.Contains('Z', StringComparison.Ordinal));
    }

    private static async Task<Utterance> Telephone(string text, IReadOnlyList<string>? expectedPhrases)
    {
        var synthesizer = new FliteSynthesizer(Options.Create(new FliteOptions()));
        var mulaw = new List<byte>();
        await foreach (var chunk in synthesizer.SynthesizeAsync(text, "en-US", CancellationToken.None))
        {
            mulaw.AddRange(chunk.ToArray());
        }

        var samples = new short[mulaw.Count];
        MuLaw.Decode(mulaw.ToArray(), samples);
        return new Utterance(samples, "en-US", expectedPhrases);
    }
}
