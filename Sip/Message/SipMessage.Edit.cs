using CallCluster.Sip.Message.Headers;

namespace CallCluster.Sip.Message;

// Immutable edits: each returns a new message with fresh bytes; untouched header fields are copied byte-exact.
public abstract partial class SipMessage
{
    /// <summary>Replaces every header of that name with one field holding <paramref name="value"/> (added at the end when absent).</summary>
    public abstract SipMessage WithHeader(string name, string value);

    /// <summary>Adds a header field after the last one of the same name (or at the end).</summary>
    public abstract SipMessage AddHeader(string name, string value);

    /// <summary>Adds a header field before the first one of the same name (or at the start), as for a new top Via.</summary>
    public abstract SipMessage AddHeaderFirst(string name, string value);

    /// <summary>Removes every header of that name (long and compact forms).</summary>
    public abstract SipMessage RemoveHeader(string name);

    /// <summary>Replaces the body, setting Content-Length and Content-Type (removed when null).</summary>
    public abstract SipMessage WithBody(ReadOnlySpan<byte> body, string? contentType);

    /// <summary>Removes the top Via value (splitting a comma-separated first Via line if needed).</summary>
    public abstract SipMessage RemoveTopVia();

    /// <summary>Replaces the top Via value.</summary>
    public abstract SipMessage WithTopVia(SipVia via);

    private protected SipMessage EditHeaders(string name, string? value, EditKind kind)
    {
        var id = SipHeaderNames.Lookup(name.AsSpan());
        int first = -1, last = -1;
        for (var i = 0; i < HeaderCount; i++)
        {
            if (Matches(i, id, name))
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }

        var w = new SipMessageWriter().StartLine(Raw.Span[..StartLine.HeadersStart]);
        if (kind == EditKind.AddFirst && first < 0)
        {
            w.Header(name, value!);
        }

        for (var i = 0; i < HeaderCount; i++)
        {
            var match = i >= first && first >= 0 && i <= last && Matches(i, id, name);
            if (match && kind == EditKind.AddFirst && i == first)
            {
                w.Header(name, value!);
            }

            if (match && kind is EditKind.Replace or EditKind.Remove)
            {
                if (kind == EditKind.Replace && i == first)
                {
                    w.Header(name, value!);
                }

                continue;
            }

            w.Copy(this, i);
            if (kind == EditKind.Add && i == last)
            {
                w.Header(name, value!);
            }
        }

        if (first < 0 && kind is EditKind.Add or EditKind.Replace)
        {
            w.Header(name, value!);
        }

        return w.Finish(Body.Span);
    }

    private protected SipMessage EditBody(ReadOnlySpan<byte> body, string? contentType)
    {
        var w = new SipMessageWriter().StartLine(Raw.Span[..StartLine.HeadersStart]);
        for (var i = 0; i < HeaderCount; i++)
        {
            if (headers[i].Id is not (SipHeaderId.ContentLength or SipHeaderId.ContentType))
            {
                w.Copy(this, i);
            }
        }

        if (contentType is not null)
        {
            w.Header(SipHeaderId.ContentType, contentType);
        }

        return w.ContentLength(body.Length).Finish(body);
    }

    private protected SipMessage EditTopVia(SipVia? replacement)
    {
        var first = IndexOf(SipHeaderId.Via, 0);
        if (first < 0)
        {
            throw new InvalidOperationException("the message has no Via");
        }

        var values = new List<SipVia>();
        var line = ValueText(headers[first]);
        var ok = ListReader.TryReadAll([line], SipVia.TryRead, values);
        if (!ok || values.Count == 0)
        {
            throw new InvalidOperationException("the top Via is malformed");
        }

        var w = new SipMessageWriter().StartLine(Raw.Span[..StartLine.HeadersStart]);
        for (var i = 0; i < HeaderCount; i++)
        {
            if (i != first)
            {
                w.Copy(this, i);
                continue;
            }

            if (replacement is not null)
            {
                w.Header(SipHeaderId.Via, replacement.ToString());
            }

            foreach (var rest in values.Skip(1))
            {
                w.Header(SipHeaderId.Via, rest.ToString());
            }
        }

        return w.Finish(Body.Span);
    }

    private protected enum EditKind
    {
        Replace,
        Add,
        AddFirst,
        Remove,
    }
}
