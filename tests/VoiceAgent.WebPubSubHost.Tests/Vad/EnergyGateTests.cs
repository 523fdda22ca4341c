using VoiceAgent.WebPubSubHost.Vad;

namespace VoiceAgent.WebPubSubHost.Tests.Vad;

public sealed class EnergyGateTests
{
    [Fact]
    public void LevelOf_FullScaleSine_IsMinus3Dbfs()
    {
        var sine = Enumerable.Range(0, 160).Select(i => (short)Math.Round(32767 * Math.Sin(2 * Math.PI * 400 * i / 8000.0))).ToArray();

        Assert.Equal(-3.01, EnergyGate.LevelOf(sine), precision: 1);
    }

    [Fact]
    public void Classify_AfterASecondOfNoise_JudgesByTheMarginAboveTheFloor()
    {
        var gate = new EnergyGate(new VoiceActivityOptions());
        var line = TestAudio.Noise(TimeSpan.FromSeconds(1), -50, seed: 7);
        for (var offset = 0; offset < line.Length; offset += 160)
        {
            gate.Classify(line.AsSpan(offset, 160));
        }

        Assert.Equal(EnergyVerdict.Silence, gate.Classify(TestAudio.Noise(TimeSpan.FromMilliseconds(20), -50, seed: 8)));
        Assert.Equal(EnergyVerdict.Uncertain, gate.Classify(TestAudio.Noise(TimeSpan.FromMilliseconds(20), -41, seed: 9)));
        Assert.Equal(EnergyVerdict.Loud, gate.Classify(TestAudio.Noise(TimeSpan.FromMilliseconds(20), -30, seed: 10)));
    }

    [Fact]
    public void Classify_LineGetsNoisier_FloorFollowsWithinItsWindow()
    {
        var gate = new EnergyGate(new VoiceActivityOptions { NoiseFloorWindowMilliseconds = 1000 });
        var quiet = TestAudio.Noise(TimeSpan.FromSeconds(1), -55, seed: 11);
        var noisier = TestAudio.Noise(TimeSpan.FromSeconds(1.2), -35, seed: 12);
        var verdicts = new List<EnergyVerdict>();
        foreach (var audio in new[] { quiet, noisier })
        {
            for (var offset = 0; offset < audio.Length; offset += 160)
            {
                verdicts.Add(gate.Classify(audio.AsSpan(offset, 160)));
            }
        }

        Assert.Equal(EnergyVerdict.Loud, verdicts[50]);
        Assert.Equal(EnergyVerdict.Silence, verdicts[^1]);
        Assert.InRange(gate.NoiseFloorDbfs, -37, -35);
    }
}
