using System.Collections.Immutable;
using Akka.Actor;
using CallCluster.Actors.Sessions;

namespace CallCluster.Actors.Calls;

/// <summary>
/// The pure state of a <see cref="GatewayDispatcher"/>: the gateway nodes effects may go to
/// (round robin), and every delivery the target outbox has not acknowledged yet. When a gateway
/// node is lost (unreachable or removed), what was sent to it and not acknowledged goes to
/// another gateway: a kill -9 loses no BYE or re-INVITE that a session sent in the seconds before
/// the failure detector noticed. A node that leaves gracefully is only retired: it still
/// acknowledges what it got. Bounded: at most <see cref="MaxPending"/> tracked deliveries, each
/// re-sent at most <see cref="MaxAttempts"/> times and forgotten after <see cref="ExpiryTicks"/>.
/// </summary>
public sealed record DeliveryLedger
{
    public const int MaxPending = 10_000;
    public const int MaxAttempts = 4;
    public const long ExpiryTicks = 30;

    public static DeliveryLedger Empty { get; } = new();

    /// <summary>Addresses of the gateway nodes new effects go to, in the order they came up.</summary>
    public ImmutableList<string> Gateways { get; init; } = [];

    public ImmutableDictionary<long, PendingDelivery> Pending { get; init; } = ImmutableDictionary<long, PendingDelivery>.Empty;

    public long NextSeq { get; init; } = 1;

    public int Cursor { get; init; }

    /// <summary>Ticks (the dispatcher's clock, one per second) since the ledger started.</summary>
    public long Tick { get; init; }

    /// <summary>Numbers <paramref name="effect"/> and sends it to the next gateway (held while there is none).</summary>
    public LedgerStep Send(ISipEffect effect, IActorRef replyTo)
    {
        var seq = NextSeq;
        var (target, cursor) = Pick();
        var ledger = this with { NextSeq = seq + 1, Cursor = cursor };
        var message = new DeliverSipEffect(seq, effect, replyTo);
        IReadOnlyList<OutgoingDelivery> outgoing = target is null ? [] : [new OutgoingDelivery(target, message)];
        if (Pending.Count >= MaxPending)
        {
            // Full: sent without a safety net, or dropped when no gateway is up.
            return new LedgerStep(ledger, outgoing, target is null ? 1 : 0);
        }

        var pending = new PendingDelivery(seq, effect, replyTo, target, Tick, target is null ? 0 : 1);
        return new LedgerStep(ledger with { Pending = Pending.SetItem(seq, pending) }, outgoing, 0);
    }

    public DeliveryLedger Delivered(long seq) => Pending.ContainsKey(seq) ? this with { Pending = Pending.Remove(seq) } : this;

    /// <summary>A gateway node is up (or reachable again): it takes new effects, and the held ones.</summary>
    public LedgerStep GatewayUp(string address)
    {
        var ledger = Gateways.Contains(address) ? this : this with { Gateways = Gateways.Add(address) };
        return ledger.Redirect(p => p.Target is null);
    }

    /// <summary>A gateway node leaves gracefully: no new effects, but what it got it still acknowledges.</summary>
    public DeliveryLedger GatewayRetired(string address) => this with { Gateways = Gateways.Remove(address) };

    /// <summary>A gateway node is unreachable or removed: what it did not acknowledge goes to another.</summary>
    public LedgerStep GatewayLost(string address) =>
        (this with { Gateways = Gateways.Remove(address) }).Redirect(p => p.Target == address);

    /// <summary>One tick of the clock: deliveries older than <see cref="ExpiryTicks"/> are forgotten.</summary>
    public LedgerStep Advance()
    {
        var tick = Tick + 1;
        var expired = Pending.Values.Where(p => tick - p.SentTick > ExpiryTicks).Select(p => p.Seq).ToList();
        return new LedgerStep(this with { Tick = tick, Pending = Pending.RemoveRange(expired) }, [], expired.Count);
    }

    private LedgerStep Redirect(Func<PendingDelivery, bool> which)
    {
        var moving = Pending.Values.Where(which).OrderBy(p => p.Seq).ToList();
        if (moving.Count == 0)
        {
            return new LedgerStep(this, [], 0);
        }

        var pending = Pending.ToBuilder();
        var outgoing = new List<OutgoingDelivery>();
        var dropped = 0;
        var ledger = this;
        foreach (var p in moving)
        {
            if (p.Attempts >= MaxAttempts)
            {
                pending.Remove(p.Seq);
                dropped++;
                continue;
            }

            var (target, cursor) = ledger.Pick();
            ledger = ledger with { Cursor = cursor };
            if (target is null)
            {
                pending[p.Seq] = p with { Target = null };
                continue;
            }

            pending[p.Seq] = p with { Target = target, SentTick = Tick, Attempts = p.Attempts + 1 };
            outgoing.Add(new OutgoingDelivery(target, new DeliverSipEffect(p.Seq, p.Effect, p.ReplyTo)));
        }

        return new LedgerStep(ledger with { Pending = pending.ToImmutable() }, outgoing, dropped);
    }

    private (string? Target, int Cursor) Pick() =>
        Gateways.Count == 0 ? (null, Cursor) : (Gateways[Cursor % Gateways.Count], (Cursor + 1) % Gateways.Count);
}

/// <summary>The ledger after a step, what to send, and how many deliveries were given up.</summary>
public sealed record LedgerStep(DeliveryLedger Ledger, IReadOnlyList<OutgoingDelivery> Outgoing, int Dropped);
