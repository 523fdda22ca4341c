using VoiceAgent.WebPubSubHost.Audio;

namespace VoiceAgent.WebPubSubHost.Tests.Audio;

/// <summary>The codec against sox, byte for byte (sox's μ-law is the Sun G.711 reference code).</summary>
public sealed class MuLawTests
{
    /// <summary>sox reading raw μ-law at 8 kHz mono and writing signed 16-bit little-endian.</summary>
    private static readonly string[] SoxDecode = ["-t", "ul", "-r", "8000", "-c", "1", "-", "-t", "s16", "-L", "-"];

    /// <summary>sox encoding signed 16-bit to μ-law without dither (-D), which would otherwise add noise.</summary>
    private static readonly string[] SoxEncode = ["-t", "s16", "-L", "-r", "8000", "-c", "1", "-", "-t", "ul", "-D", "-"];

    [Fact]
    public async Task Decode_AllCodes_MatchesSox()
    {
        var codes = Enumerable.Range(0, 256).Select(code => (byte)code).ToArray();
        var decoded = new short[codes.Length];

        MuLaw.Decode(codes, decoded);

        Assert.Equal(await ReferenceTool.RunAsync("sox", SoxDecode, codes), ReferenceTool.ToBytes(decoded));
    }

    [Fact]
    public async Task Encode_FliteRecordingAt8k_MatchesSoxWithoutDither()
    {
        var recording = await ReferenceTool.FliteAsync("Your oil change is booked for nine tomorrow morning. Is that right?");
        // sox resamples flite's 16 kHz to 8 kHz; both sides then encode the same 16-bit samples.
        var narrowband = await ReferenceTool.RunAsync("sox", ["-t", "wav", "-", "-t", "s16", "-L", "-r", "8000", "-D", "-"], recording);
        var samples = ReferenceTool.ToSamples(narrowband);
        var encoded = new byte[samples.Length];

        MuLaw.Encode(samples, encoded);

        Assert.True(samples.Length > 8000, "flite spoke less than a second");
        Assert.Equal(await ReferenceTool.RunAsync("sox", SoxEncode, narrowband), encoded);
    }

    [Fact]
    public async Task Encode_EverySampleValue_MatchesSoxWithoutDither()
    {
        var samples = Enumerable.Range(short.MinValue, 65536).Select(value => (short)value).ToArray();
        var encoded = new byte[samples.Length];

        MuLaw.Encode(samples, encoded);

        Assert.Equal(await ReferenceTool.RunAsync("sox", SoxEncode, ReferenceTool.ToBytes(samples)), encoded);
    }

    [Fact]
    public void Encode_DecodedCode_GivesTheCodeBack()
    {
        // 0x7F is negative zero: it decodes to 0, which encodes as positive zero (0xFF).
        var codes = Enumerable.Range(0, 256).Where(code => code != 0x7F).Select(code => (byte)code);

        Assert.All(codes, code => Assert.Equal(code, MuLaw.Encode(MuLaw.Decode(code))));
    }

    [Fact]
    public void DecodeByFormula_AllCodes_MatchesTheTable()
    {
        Assert.All(Enumerable.Range(0, 256), code => Assert.Equal(MuLaw.Decode((byte)code), MuLaw.DecodeByFormula((byte)code)));
    }

    [Fact]
    public void Decode_DestinationTooShort_Throws()
    {
        Assert.Throws<ArgumentException>(() => MuLaw.Decode(new byte[160], new short[159]));
    }

    [Fact]
    public void Encode_DestinationTooShort_Throws()
    {
        Assert.Throws<ArgumentException>(() => MuLaw.Encode(new short[160], new byte[159]));
    }
}
