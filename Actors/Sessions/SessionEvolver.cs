using static CallCluster.Actors.Sessions.SessionEvents;

namespace CallCluster.Actors.Sessions;

/// <summary>Applies persisted events to <see cref="SessionState"/>; events for unknown legs change nothing.</summary>
internal static class SessionEvolver
{
    public static SessionState Apply(SessionState s, ISessionEvent e) => e switch
    {
        SessionStep step => step.Events.Aggregate(s, (state, inner) => inner is SessionStep ? state : Apply(state, inner)),
        SessionCreated c => s with
        {
            Kind = c.Kind, Phase = SessionPhase.Setup, Originator = c.Originator, AnchorMedia = c.AnchorMedia, CreatedAt = c.At,
        },
        LegAdded a when s.Leg(a.LegId) is null => s with
        {
            Legs = s.Legs.Add(new LegState(a.LegId, a.Direction, a.Role, a.Peer, a.Direction == LegDirection.Inbound ? LegPhase.Inviting : LegPhase.Pending, a.At)
            {
                Partner = a.Partner, Dialog = a.Dialog, RemoteSdp = a.RemoteSdp,
            }),
        },
        LegInvited i => Update(s, i.LegId, l => l with
        {
            Phase = LegPhase.Inviting, CallId = i.CallId, LocalTag = i.LocalTag, LocalSdp = i.LocalSdp ?? l.LocalSdp,
            LocalSdpVersion = i.LocalSdp is null ? l.LocalSdpVersion : l.LocalSdpVersion + 1,
        }),
        LegProvisional p => Update(s, p.LegId, l => l.Phase is LegPhase.Pending or LegPhase.Inviting ? l with { Phase = LegPhase.Early } : l),
        LegAnswered a => Update(s, a.LegId, l => l with
        {
            Phase = LegPhase.Confirmed, Dialog = a.Dialog, RemoteSdp = a.RemoteSdp ?? l.RemoteSdp, AnsweredAt = a.At,
            LocalSdp = a.LocalSdp ?? l.LocalSdp,
            LocalSdpVersion = l.Direction == LegDirection.Inbound && a.LocalSdp is not null ? l.LocalSdpVersion + 1 : l.LocalSdpVersion,
        }),
        LegSdpChanged c => Update(s, c.LegId, l => l with
        {
            RemoteSdp = c.RemoteSdp, Dialog = l.Dialog is null ? null : l.Dialog with { RemoteCSeq = c.RemoteCSeq },
        }),
        LegEnded x => Update(s, x.LegId, l => l with { Phase = LegPhase.Ended, EndCause = x.Cause, EndStatus = x.Status, EndedAt = x.At }),
        SessionPhaseChanged p => s with
        {
            Phase = p.Phase,
            AnsweredAt = s.AnsweredAt ?? (p.Phase is SessionPhase.Established or SessionPhase.ThreeParty ? p.At : null),
        },
        MediaAnchored m => Update(s, m.LegId, l => l.IsConnected && l.Dialog is not null
            ? l with
            {
                MediaNode = m.MediaNode, EndpointId = m.EndpointId, LocalSdp = m.LocalSdp, LocalSdpVersion = l.LocalSdpVersion + 1,
                Dialog = l.Dialog with { LocalCSeq = l.Dialog.LocalCSeq + 1 },
            }
            : l with { MediaNode = m.MediaNode, EndpointId = m.EndpointId, LocalSdp = m.LocalSdp }),
        MediaDetached d => DetachMedia(s, d.LegId),
        MediaTopologyChanged t => s with { Topology = t.EndpointIds.Count == 0 ? null : new MediaTopology(t.Kind, t.EndpointIds) },
        SessionEnded x => s with { Phase = SessionPhase.Ending, EndedAt = x.At, EndReason = x.Reason, EndStatus = x.Status },
        CdrConfirmed => s with { Phase = SessionPhase.Ended },
        _ => s,
    };

    private static SessionState DetachMedia(SessionState s, LegId legId)
    {
        var leg = s.Leg(legId);
        if (leg?.EndpointId is null)
        {
            return s;
        }

        var topology = s.Topology is not null && s.Topology.EndpointIds.Contains(leg.EndpointId) ? null : s.Topology;
        return Update(s, legId, l => l with { EndpointId = null, MediaNode = null }) with { Topology = topology };
    }

    private static SessionState Update(SessionState s, LegId id, Func<LegState, LegState> change)
    {
        var index = s.Legs.FindIndex(l => l.Id == id);
        return index < 0 ? s : s with { Legs = s.Legs.SetItem(index, change(s.Legs[index])) };
    }
}
