using System.Diagnostics.Metrics;
using Akka.Actor;
using CallCluster.Actors.MediaProtocol;
using CallCluster.Media.Streams;
using CallCluster.Media.Tests.Support;
using CallCluster.Sip.Codecs;

namespace CallCluster.Media.Tests.Integration;

/// <summary>Over real UDP: which source a bridged endpoint takes RTP from and sends to (see SourceLatch).</summary>
public sealed class SourceLatchSpecs : MediaSpec
{
    private const double Present = 1500;
    private const double Absent = 300;

    [Fact]
    public void A_stray_sender_that_reached_a_port_first_loses_it_to_the_peer_the_SDP_declares()
    {
        long dropped = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "CallCluster" && instrument.Name == StreamMetrics.ForeignDropped)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref dropped, value));
        listener.Start();
        var manager = Sys.ActorOf(MediaManagerActor.Props(NewSettings()));
        using var caller = new RtpPeer();
        using var callee = new RtpPeer();
        using var stray = new RtpPeer();
        var (a, b) = Bridge(manager, caller, callee);

        // A terminal of another call still sends to the callee's port (a port reused after a restart) and gets there first.
        stray.StartTone(AudioPort(b), 1320, G711Law.MuLaw);
        WaitFor(() => Stats(manager).PacketsReceived >= 5);
        caller.StartTone(AudioPort(a), 440, G711Law.MuLaw);
        callee.StartTone(AudioPort(b), 880, G711Law.MuLaw);

        WaitFor(() => callee.Received.Count >= Packets && Latest(callee.Received).A440 > Present
            && caller.Received.Count >= Packets && Latest(caller.Received) is var h && h.A880 > Present && h.A1320 < Absent);
        var toCallee = Latest(callee.Received);
        Assert.True(toCallee.A440 > Present, $"the callee hears the caller: {toCallee}");
        var toCaller = Latest(caller.Received);
        Assert.True(toCaller.A880 > Present && toCaller.A1320 < Absent, $"the caller hears the callee and not the stray sender: {toCaller}");
        var strayHeard = stray.Received.Count;
        Thread.Sleep(500);
        Assert.Equal(strayHeard, stray.Received.Count);
        Assert.True(Interlocked.Read(ref dropped) > 0, "the stray sender's packets are counted as dropped");
    }

    [Fact]
    public void Behind_NAT_the_first_source_keeps_the_stream_while_it_sends_and_another_takes_it_after_its_silence()
    {
        var manager = Sys.ActorOf(MediaManagerActor.Props(NewSettings()));
        using var caller = new RtpPeer();
        using var declared = new RtpPeer();
        using var natted = new RtpPeer();
        using var rebound = new RtpPeer();
        // The callee's SDP names an address it never sends from (its private address behind NAT).
        var (a, b) = Bridge(manager, caller, declared);

        caller.StartTone(AudioPort(a), 440, G711Law.MuLaw);
        natted.StartTone(AudioPort(b), 880, G711Law.MuLaw);
        WaitFor(() => natted.Received.Count >= Packets && Latest(natted.Received).A440 > Present);
        // Until the first packet, media goes to the declared address; from then on, only to the latched source.
        var toDeclared = declared.Received.Count;
        rebound.StartTone(AudioPort(b), 1320, G711Law.MuLaw);
        Thread.Sleep(1000);
        var heard = Latest(caller.Received);
        Assert.True(heard.A880 > Present && heard.A1320 < Absent, $"while the latched source sends, the caller hears only it: {heard}");
        Assert.Empty(rebound.Received);
        Assert.Equal(toDeclared, declared.Received.Count);

        // The NAT binding changes: the old source falls silent, the new one takes the stream.
        natted.Dispose();
        WaitFor(() => rebound.Received.Count >= Packets && Latest(rebound.Received).A440 > Present
            && Latest(caller.Received) is var h && h.A1320 > Present && h.A880 < Absent);
        Assert.True(Latest(rebound.Received).A440 > Present);
        Assert.True(Latest(caller.Received).A1320 > Present);
    }

    /// <summary>A bridged call: the caller's endpoint configured with <paramref name="caller"/>'s port, the callee's with <paramref name="calleeDeclared"/>'s.</summary>
    private (EndpointAllocated Caller, EndpointAllocated Callee) Bridge(IActorRef manager, RtpPeer caller, RtpPeer calleeDeclared)
    {
        var a = Allocate(manager, "s", "caller", "caller", CodecSpec.Pcmu, video: false);
        var b = Allocate(manager, "s", "callee", "callee", CodecSpec.Pcmu, video: false);
        Configure(manager, a, caller, CodecSpec.Pcmu);
        Configure(manager, b, calleeDeclared, CodecSpec.Pcmu);
        manager.Tell(new TransferToBridge("s", a.EndpointId, b.EndpointId), TestActor);
        ExpectMsg<BridgeCreated>(Patience);
        return (a, b);
    }
}
