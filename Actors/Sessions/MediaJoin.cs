using CallCluster.Actors.MediaProtocol;
using static CallCluster.Actors.Sessions.SessionEffects;
using static CallCluster.Actors.Sessions.SessionEvents;

namespace CallCluster.Actors.Sessions;

/// <summary>
/// Keeps the media role's join of endpoints in line with who is connected: a plain call's two
/// endpoints are bridged; a home session mixes its connected endpoints (the mobile's two calls are
/// one participant), and after the mobile leaves the three-party call a leg transfer of local
/// terminal and remote to a bridge. Waits while an endpoint is missing (being allocated or moved).
/// </summary>
internal static class MediaJoin
{
    public static void Update(DecisionBuilder b)
    {
        var s = b.State;
        if (!s.AnchorMedia)
        {
            return;
        }

        var members = Members(s);
        if (members.Any(l => l.EndpointId is null))
        {
            return;
        }

        var endpoints = members.Select(l => l.EndpointId!).ToList();
        // Two parties that will stay two (a plain call, or the home call once the mobile has left)
        // are bridged: packets forwarded undecoded. A mix decodes and encodes every packet.
        var kind = s.Phase == SessionPhase.Bridged || s.Kind == SessionKind.Plain ? MediaTopologyKind.Bridge : MediaTopologyKind.Mix;
        var desired = endpoints.Count < 2 ? null : new MediaTopology(kind, endpoints);
        if (Equals(desired, s.Topology))
        {
            return;
        }

        if (desired is null)
        {
            b.Emit(new MediaTopologyChanged(b.Id, MediaTopologyKind.Mix, [], b.Now));
            return;
        }

        b.Emit(new MediaTopologyChanged(b.Id, desired.Kind, desired.EndpointIds, b.Now));
        if (desired.Kind == MediaTopologyKind.Bridge && endpoints.Count == 2)
        {
            b.Do(new TransferMediaToBridge(b.Id, endpoints[0], endpoints[1]));
        }
        else
        {
            b.Do(new MixMedia(b.Id, endpoints, VideoRoutes(s, members)));
        }
    }

    private static List<LegState> Members(SessionState s)
    {
        var connected = s.Legs.Where(l => l.IsConnected).ToList();
        return s.Kind switch
        {
            SessionKind.ClickToCall when !connected.Any(l => l.Role == LegRole.Mobile) && s.Phase != SessionPhase.Bridged => [],
            SessionKind.ClickToCall => connected,
            _ when s.Phase == SessionPhase.Bridged => connected,
            _ => SessionProgress.ConnectedPairs(s).SelectMany(p => new[] { p.In, p.Out }).ToList(),
        };
    }

    /// <summary>
    /// Who sees whom: local terminal and remote see each other; any other leg sees the video of
    /// its pair partner, else of the remote (the mobile in click-to-call).
    /// </summary>
    private static List<VideoRoute> VideoRoutes(SessionState s, List<LegState> members)
    {
        var routes = new List<VideoRoute>();
        foreach (var leg in members)
        {
            var source = SourceFor(leg, members);
            if (source?.EndpointId is not null && source.EndpointId != leg.EndpointId)
            {
                routes.Add(new VideoRoute(leg.EndpointId!, source.EndpointId));
            }
        }

        return routes;
    }

    private static LegState? SourceFor(LegState leg, List<LegState> members)
    {
        LegState? ByRole(LegRole role) => members.FirstOrDefault(l => l.Role == role);
        var preferred = leg.Role switch
        {
            LegRole.LocalTerminal => ByRole(LegRole.Remote),
            LegRole.Remote => ByRole(LegRole.LocalTerminal),
            _ => null,
        };
        return preferred
            ?? members.FirstOrDefault(l => l.Id == leg.Partner)
            ?? ByRole(LegRole.Remote)
            ?? members.FirstOrDefault(l => l.Id != leg.Id && l.Role != leg.Role);
    }
}
