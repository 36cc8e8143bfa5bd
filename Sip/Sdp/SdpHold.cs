namespace CallCluster.Sip.Sdp;

/// <summary>
/// Hold detection (RFC 3264 section 8.4, RFC 6337 section 5): a stream is held when its effective
/// direction is sendonly or inactive, or by the older RFC 2543 form c=IN IP4 0.0.0.0.
/// </summary>
public static class SdpHold
{
    /// <summary>True if the offerer of <paramref name="sdp"/> holds m= section <paramref name="index"/>.</summary>
    public static bool IsHeld(SessionDescription sdp, int index)
    {
        var media = sdp.Media[index];
        if (media.IsRejected)
        {
            return false;
        }

        return sdp.GetDirection(media) is SdpDirection.SendOnly or SdpDirection.Inactive
            || sdp.GetConnection(media)?.IsNullAddress == true;
    }

    /// <summary>True if every accepted m= section is held (and there is at least one).</summary>
    public static bool IsOnHold(SessionDescription sdp)
    {
        bool any = false;
        for (int i = 0; i < sdp.Media.Count; i++)
        {
            if (sdp.Media[i].IsRejected)
            {
                continue;
            }

            any = true;
            if (!IsHeld(sdp, i))
            {
                return false;
            }
        }

        return any;
    }

    /// <summary>
    /// Copy of an offer putting every stream on hold: sendrecv becomes sendonly, recvonly becomes
    /// inactive (RFC 6337 section 5.1); the connection address is kept.
    /// </summary>
    public static SessionDescription Hold(SessionDescription sdp)
    {
        var result = sdp;
        for (int i = 0; i < sdp.Media.Count; i++)
        {
            var direction = sdp.GetDirection(i);
            var held = direction.Intersect(SdpDirection.SendOnly);
            result = result.WithMedia(i, sdp.Media[i].WithDirection(held));
        }

        return result;
    }

    /// <summary>Copy of an offer resuming every stream as sendrecv.</summary>
    public static SessionDescription Resume(SessionDescription sdp)
    {
        var result = sdp with { Attributes = Rtp.ValueList.From(sdp.Attributes.Where(a => a.Value is not null || !SdpDirectionExtensions.TryParse(a.Name, out _))) };
        for (int i = 0; i < sdp.Media.Count; i++)
        {
            result = result.WithMedia(i, sdp.Media[i].WithDirection(SdpDirection.SendRecv));
        }

        return result;
    }
}
