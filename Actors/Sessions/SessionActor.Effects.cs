using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Persistence;
using CallCluster.Actors.Cdr;
using CallCluster.Actors.Persistence;
using CallCluster.Actors.Sessions.Media;
using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionReplies;

namespace CallCluster.Actors.Sessions;

public sealed partial class SessionActor
{
    private void Execute(ISessionEffect effect)
    {
        switch (effect)
        {
            case ISipEffect sip:
                _gateway.Tell(sip, Self);
                break;
            case IMediaEffect media when _adapter.ToMedia(media, _state) is { } message:
                TellMedia(media, message);
                break;
            case SessionEffects.WriteSessionCdr:
                SendCdr();
                Timers.StartPeriodicTimer(CdrTimer, CdrRetry.Instance, _settings.CdrRetryInterval);
                break;
        }
    }

    private void TellMedia(IMediaEffect effect, object message)
    {
        var target = _placement.TargetOf(effect, _state);
        foreach (var node in target.Nodes)
        {
            MediaManagerAt(node).Tell(message, Self);
        }

        if (target.ViaRouter)
        {
            _media.Tell(message, Self);
        }

        if (effect is SessionEffects.ReleaseMedia released)
        {
            _placement = _placement.Released(released.EndpointId);
        }
    }

    /// <summary>The media actor that answered from <paramref name="node"/>, else the manager at its well-known path there.</summary>
    private ICanTell MediaManagerAt(string node) =>
        _mediaManagers.TryGetValue(node, out var manager) ? manager
        : _mediaManagerPath is not null && node.Contains('@', StringComparison.Ordinal) ? Context.ActorSelection(node + _mediaManagerPath)
        : _media;

    private void SendCdr()
    {
        if (_state.Phase == SessionPhase.Ending)
        {
            _cdrWriter.Tell(new WriteCdr(SessionCdr.Build(_state)), Self);
        }
        else
        {
            Timers.Cancel(CdrTimer);
        }
    }

    private void OnRecovered()
    {
        ForgetNewId();
        _placement = MediaPlacement.Of(_state);
        SyncLegs();
        switch (_state.Phase)
        {
            case SessionPhase.Ending:
                SendCdr();
                Timers.StartPeriodicTimer(CdrTimer, CdrRetry.Instance, _settings.CdrRetryInterval);
                break;
            case SessionPhase.Ended:
                Passivate();
                break;
            default:
                // Now, before any command stashed during recovery (it persists nothing): the legs
                // left without an endpoint. Then those on lost nodes, which MediaNodeLost detaches
                // and allocates again itself.
                if (_state.Legs.Count > 0)
                {
                    Handle(new ResumeMedia(_state.Id), ActorRefs.Nobody);
                    TellLostMediaNodes();
                }
                break;
        }
    }

    /// <summary>
    /// A session recovered after its node was lost often had its media on that same node: when a
    /// live leg's media node is no longer a healthy member, re-anchor at once instead of waiting for
    /// the media node watch's next sweep.
    /// </summary>
    private void TellLostMediaNodes()
    {
        if (Context.System is not ExtendedActorSystem { Provider: Akka.Cluster.IClusterActorRefProvider })
        {
            return;
        }

        var state = Akka.Cluster.Cluster.Get(Context.System).State;
        var healthy = state.Members
            .Where(m => m.Status is Akka.Cluster.MemberStatus.Up or Akka.Cluster.MemberStatus.WeaklyUp or Akka.Cluster.MemberStatus.Joining)
            .Select(m => m.Address.ToString())
            .Except(state.Unreachable.Select(m => m.Address.ToString()))
            .ToHashSet(StringComparer.Ordinal);
        var lost = _state.Legs
            .Where(l => l.IsLive && l.MediaNode is not null && l.MediaNode.Contains('@', StringComparison.Ordinal) && !healthy.Contains(l.MediaNode))
            .Select(l => l.MediaNode!)
            .Distinct(StringComparer.Ordinal);
        foreach (var node in lost)
        {
            Self.Tell(new MediaNodeLost(_state.Id, node), ActorRefs.Nobody);
        }
    }

    /// <summary>Refreshes and re-INVITEs restart the leg's session timer.</summary>
    private void NotifyLegs(ISessionCommand command)
    {
        var legId = command switch
        {
            SessionTimerRefreshed r => r.LegId,
            ReInviteReceived r => r.LegId,
            _ => null,
        };
        if (legId is not null && _legs.TryGetValue(legId, out var child))
        {
            child.Tell(LegActor.LegRefreshed.Instance);
        }
    }

    /// <summary>One child per live leg, told the leg's latest state; children of ended legs stop.</summary>
    private void SyncLegs()
    {
        foreach (var leg in _state.Legs)
        {
            var exists = _legs.TryGetValue(leg.Id, out var child);
            if (!leg.IsLive)
            {
                if (exists)
                {
                    Context.Stop(child);
                    _legs.Remove(leg.Id);
                }

                continue;
            }

            if (exists)
            {
                child!.Tell(new LegActor.LegUpdated(leg));
            }
            else
            {
                // Leg ids come from outside (the gateway): children get a counter name, never the id itself.
                _legs[leg.Id] = Context.ActorOf(LegActor.Props(_state.Id, leg, _settings.SessionInterval), "leg-" + _legChildren++);
            }
        }
    }

    private void MaybeSnapshot()
    {
        if (_sinceSnapshot >= _settings.SnapshotEvery)
        {
            _sinceSnapshot = 0;
            SaveSnapshot(new SessionSnapshot(_state));
        }
    }

    /// <summary>A declared new id the journal did not take (its recovery over or failed) is forgotten.</summary>
    private void ForgetNewId()
    {
        if (_start == SessionStart.New)
        {
            NewPersistenceIds.Get(Context.System).Forget(PersistenceId);
        }
    }

    protected override void PostStop()
    {
        ForgetNewId();
        base.PostStop();
    }

    private void Passivate()
    {
        if (!_passivating)
        {
            _passivating = true;
            Context.Parent.Tell(new Passivate(StopSession.Instance));
        }
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        ReplyUnavailable("journal write failed");
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        ReplyUnavailable("journal rejected the write");
        _journalFaulted = true;
        Timers.StartSingleTimer(JournalTimer, JournalRetry.Instance, TimeSpan.FromSeconds(_settings.RetryAfterSeconds));
        base.OnPersistRejected(cause, @event, sequenceNr);
    }

    private void ReplyUnavailable(string reason)
    {
        _pendingSender?.Tell(new Unavailable(_state.Id, 503, _settings.RetryAfterSeconds, reason));
        _pendingSender = null;
    }

    /// <summary>Stop message used with <see cref="Passivate"/> and for shard hand-off.</summary>
    public sealed record StopSession
    {
        public static StopSession Instance { get; } = new();
    }

    /// <summary>
    /// While an established leg waits for the endpoint its re-anchoring asked for, ask again every
    /// <see cref="SessionSettings.MediaRetryInterval"/>: an allocation sent through the media router
    /// to a node that died with it in flight gets no answer and nothing else would notice.
    /// </summary>
    private void ArmMediaRetry()
    {
        if (!_state.AwaitsReanchoring)
        {
            Timers.Cancel(MediaRetryTimer);
        }
        else if (!Timers.IsTimerActive(MediaRetryTimer))
        {
            Timers.StartSingleTimer(MediaRetryTimer, MediaRetryDue.Instance, _settings.MediaRetryInterval);
        }
    }

    private sealed record MediaRetryDue
    {
        public static MediaRetryDue Instance { get; } = new();
    }

    private sealed record CdrRetry
    {
        public static CdrRetry Instance { get; } = new();
    }

    private sealed record JournalRetry
    {
        public static JournalRetry Instance { get; } = new();
    }
}
