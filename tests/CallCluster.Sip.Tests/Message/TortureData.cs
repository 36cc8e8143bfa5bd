using CallCluster.Sip.Message;

namespace CallCluster.Sip.Tests.Message;

/// <summary>Loads the RFC 4475 / RFC 5118 messages and runs them through parser and validators.</summary>
internal static class TortureData
{
    public static string Folder(string set) => Path.Combine(AppContext.BaseDirectory, "TestData", set);

    public static byte[] Load(string set, string file) => File.ReadAllBytes(Path.Combine(Folder(set), file));

    public static IEnumerable<object[]> Manifest(string set) =>
        File.ReadAllLines(Path.Combine(Folder(set), "MANIFEST.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(f => new object[] { f[0], f[2], f[3] });

    /// <summary>What an element does with the message: parse, then validate as a proxy would (forwarding).</summary>
    public static Outcome Evaluate(byte[] data, bool forwarding = true)
    {
        if (!SipParser.TryParse(data, SipParserLimits.Default, out var message, out var error))
        {
            return new Outcome(null, error);
        }

        var ok = message switch
        {
            SipRequest r => SipRequestValidator.TryValidate(r, SipValidationOptions.Default with { Forwarding = forwarding }, out error),
            SipResponse r => SipResponseValidator.TryValidate(r, out error),
            _ => false,
        };
        return new Outcome(ok ? message : null, ok ? SipParseError.None : error);
    }

    public static SipRequest Request(string set, string file)
    {
        Assert.True(SipParser.TryParse(Load(set, file), out var m, out var e), e.ToString());
        return Assert.IsType<SipRequest>(m);
    }

    public static SipResponse Response(string set, string file)
    {
        Assert.True(SipParser.TryParse(Load(set, file), out var m, out var e), e.ToString());
        return Assert.IsType<SipResponse>(m);
    }
}

internal sealed record Outcome(SipMessage? Message, SipParseError Error)
{
    public bool Accepted => Message is not null;
}
