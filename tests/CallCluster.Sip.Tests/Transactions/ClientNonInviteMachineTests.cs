using CallCluster.Sip.Transactions;

namespace CallCluster.Sip.Tests.Transactions;

public sealed class ClientNonInviteMachineTests
{
    private static MachineHarness Start(bool reliable = false, TransactionTimers? timers = null) =>
        new(ClientNonInviteMachine.Start(timers ?? TransactionTimers.Default, reliable));

    [Fact]
    public void Timer_E_doubles_up_to_T2_until_timer_F_fires()
    {
        var h = Start();
        h.RunUntil(40_000);

        Assert.Equal(
            [0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500],
            h.TimesOf<SendRequestAction>());
        Assert.Equal([32_000], h.TimesOf<ReportTimeoutAction>());
        Assert.Equal(TransactionPhase.Terminated, h.Machine.Phase);
    }

    [Fact]
    public void Timer_E_cap_follows_a_configured_T2()
    {
        var h = Start(timers: new TransactionTimers(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)));
        h.RunUntil(5000);

        Assert.Equal([0, 500, 1500, 2500, 3500, 4500], h.TimesOf<SendRequestAction>());
    }

    [Fact]
    public void In_proceeding_timer_E_restarts_with_T2()
    {
        var h = Start();
        h.RunUntil(600);
        h.Feed(TransactionInput.Response(100));
        h.RunUntil(14_000);

        Assert.Equal(TransactionPhase.Proceeding, h.Machine.Phase);
        Assert.Equal([0, 500, 1500, 5500, 9500, 13500], h.TimesOf<SendRequestAction>());
    }

    [Fact]
    public void Timer_F_fires_in_proceeding_too()
    {
        var h = Start();
        h.Feed(TransactionInput.Response(100));
        h.RunUntil(40_000);

        Assert.Equal([32_000], h.TimesOf<ReportTimeoutAction>());
    }

    [Fact]
    public void Final_response_is_passed_up_once_and_timer_K_ends_the_transaction_after_T4()
    {
        var h = Start();
        h.RunUntil(800);
        h.Feed(TransactionInput.Response(200));
        h.Feed(TransactionInput.Response(200));
        h.RunUntil(20_000);

        Assert.Equal([800], h.TimesOf<PassToTuAction>());
        Assert.Equal([0, 500], h.TimesOf<SendRequestAction>());
        Assert.Equal([5800], h.TimesOf<TerminateAction>());
    }

    [Fact]
    public void Reliable_transport_has_no_retransmissions_and_zero_timer_K()
    {
        var h = Start(reliable: true);
        h.RunUntil(10_000);
        h.Feed(TransactionInput.Response(481));

        Assert.Equal([0], h.TimesOf<SendRequestAction>());
        Assert.Equal(TransactionPhase.Terminated, h.Machine.Phase);
        Assert.Equal([10_000], h.TimesOf<PassToTuAction>());
    }

    [Fact]
    public void Transport_error_is_reported()
    {
        var h = Start();
        h.Feed(TransactionInput.TransportError);

        Assert.Single(h.TimesOf<ReportTransportErrorAction>());
        Assert.True(h.Machine.IsTerminated);
    }
}
