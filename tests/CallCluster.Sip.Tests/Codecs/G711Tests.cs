using CallCluster.Sip.Codecs;

namespace CallCluster.Sip.Tests.Codecs;

public sealed class G711Tests
{
    [Theory]
    [InlineData((short)0, 0xFF)]
    [InlineData((short)-1, 0x7F)]
    [InlineData((short)32767, 0x80)]
    [InlineData((short)-32768, 0x00)]
    [InlineData((short)1000, 0xCE)]
    [InlineData((short)-1000, 0x4E)]
    public void MuLaw_encodes_known_vectors(short sample, int expected) =>
        Assert.Equal((byte)expected, G711.MuLawEncode(sample));

    [Theory]
    [InlineData(0xFF, 0)]
    [InlineData(0x7F, 0)]
    [InlineData(0x80, 32124)]
    [InlineData(0x00, -32124)]
    [InlineData(0xCE, 988)]
    [InlineData(0xFE, 8)]
    public void MuLaw_decodes_known_vectors(int code, short expected) =>
        Assert.Equal(expected, G711.MuLawDecode((byte)code));

    [Theory]
    [InlineData((short)0, 0xD5)]
    [InlineData((short)-1, 0x55)]
    [InlineData((short)32767, 0xAA)]
    [InlineData((short)-32768, 0x2A)]
    [InlineData((short)1000, 0xFA)]
    public void ALaw_encodes_known_vectors(short sample, int expected) =>
        Assert.Equal((byte)expected, G711.ALawEncode(sample));

    [Theory]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    [InlineData(0xAA, 32256)]
    [InlineData(0x2A, -32256)]
    [InlineData(0xFA, 1008)]
    public void ALaw_decodes_known_vectors(int code, short expected) =>
        Assert.Equal(expected, G711.ALawDecode((byte)code));

    [Fact]
    public void Every_mu_law_code_except_negative_zero_survives_decode_then_encode()
    {
        for (int code = 0; code < 256; code++)
        {
            byte expected = code == 0x7F ? (byte)0xFF : (byte)code; // -0 decodes to 0, which encodes as +0
            Assert.Equal(expected, G711.MuLawEncode(G711.MuLawDecode((byte)code)));
        }
    }

    [Fact]
    public void Every_a_law_code_survives_decode_then_encode()
    {
        for (int code = 0; code < 256; code++)
        {
            Assert.Equal((byte)code, G711.ALawEncode(G711.ALawDecode((byte)code)));
        }
    }

    [Fact]
    public void Decoding_is_monotonic_in_magnitude_within_each_sign()
    {
        // Positive mu-law codes 0x80..0xFF decode from largest to smallest.
        for (int code = 0x81; code <= 0xFF; code++)
        {
            Assert.True(G711.MuLawDecode((byte)code) < G711.MuLawDecode((byte)(code - 1)));
        }

        // A-law codes with sign bit set, after removing the even-bit inversion, grow with the code.
        for (int n = 1; n < 128; n++)
        {
            Assert.True(G711.ALawDecode((byte)((n | 0x80) ^ 0x55)) > G711.ALawDecode((byte)(((n - 1) | 0x80) ^ 0x55)));
        }
    }

    [Fact]
    public void Round_trip_error_is_within_half_a_quantisation_step()
    {
        for (int s = short.MinValue; s <= short.MaxValue; s += 7)
        {
            var sample = (short)s;
            int magnitude = Math.Min(Math.Abs(s), 32124);
            int muError = Math.Abs(Math.Clamp(s, -32124, 32124) - G711.MuLawDecode(G711.MuLawEncode(sample)));
            int aError = Math.Abs(Math.Clamp(s, -32256, 32256) - G711.ALawDecode(G711.ALawEncode(sample)));
            // Step sizes double per segment; error never exceeds 1/16 of the magnitude plus the smallest step.
            Assert.True(muError <= (magnitude >> 4) + 8, $"mu-law sample {s}: error {muError}");
            Assert.True(aError <= (magnitude >> 4) + 16, $"A-law sample {s}: error {aError}");
        }
    }

    [Fact]
    public void Span_methods_match_single_sample_methods_and_stop_at_the_shorter_span()
    {
        short[] samples = [0, 1, -1, 100, -100, 5000, -5000, 32767, -32768];
        var mu = new byte[samples.Length];
        var a = new byte[samples.Length - 2];
        Assert.Equal(samples.Length, G711.MuLawEncode(samples, mu));
        Assert.Equal(samples.Length - 2, G711.ALawEncode(samples, a));
        for (int i = 0; i < samples.Length; i++)
        {
            Assert.Equal(G711.MuLawEncode(samples[i]), mu[i]);
        }

        for (int i = 0; i < a.Length; i++)
        {
            Assert.Equal(G711.ALawEncode(samples[i]), a[i]);
        }

        var decoded = new short[samples.Length];
        Assert.Equal(samples.Length, G711.Decode(G711Law.MuLaw, mu, decoded));
        for (int i = 0; i < mu.Length; i++)
        {
            Assert.Equal(G711.MuLawDecode(mu[i]), decoded[i]);
        }

        Assert.Equal(a.Length, G711.ALawDecode(a, decoded));
        Assert.Equal(G711.ALawDecode(a[3]), decoded[3]);
    }

    [Fact]
    public void Transcoding_mu_law_to_a_law_keeps_the_signal_close()
    {
        var codes = new byte[256];
        for (int i = 0; i < 256; i++)
        {
            codes[i] = (byte)i;
        }

        var converted = new byte[256];
        Assert.Equal(256, G711.Transcode(G711Law.MuLaw, G711Law.ALaw, codes, converted));
        for (int i = 0; i < 256; i++)
        {
            int original = G711.MuLawDecode(codes[i]);
            int through = G711.ALawDecode(converted[i]);
            Assert.True(Math.Abs(original - through) <= (Math.Abs(original) >> 4) + 16, $"code {i}");
        }

        Assert.Equal((byte)0x42, G711.Transcode(G711Law.ALaw, G711Law.ALaw, 0x42));
    }
}
