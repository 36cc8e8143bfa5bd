using CallCluster.Sip.Transactions;

namespace CallCluster.Sip.Tests.Transactions;

public sealed class ClientInviteMachineTests
{
    private static MachineHarness Start(bool reliable = false, TransactionTimers? timers = null) =>
        new(ClientInviteMachine.Start(timers ?? TransactionTimers.Default, reliable));

    [Fact]
    public void Timer_A_doubles_from_T1_until_timer_B_fires_at_64_T1()
    {
        var h = Start();
        h.RunUntil(40_000);

        Assert.Equal([0, 500, 1500, 3500, 7500, 15500, 31500], h.TimesOf<SendRequestAction>());
        Assert.Equal([32_000], h.TimesOf<ReportTimeoutAction>());
        Assert.Equal([32_000], h.TimesOf<TerminateAction>());
        Assert.Equal(TransactionPhase.Terminated, h.Machine.Phase);
    }

    [Fact]
    public void Timer_B_follows_a_configured_T1()
    {
        var h = Start(timers: new TransactionTimers(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5)));
        h.RunUntil(10_000);

        Assert.Equal([0, 100, 300, 700, 1500, 3100, 6300], h.TimesOf<SendRequestAction>());
        Assert.Equal([6400], h.TimesOf<ReportTimeoutAction>());
    }

    [Fact]
    public void Reliable_transport_sends_once_and_still_times_out_with_timer_B()
    {
        var h = Start(reliable: true);
        h.RunUntil(40_000);

        Assert.Equal([0], h.TimesOf<SendRequestAction>());
        Assert.Equal([32_000], h.TimesOf<ReportTimeoutAction>());
    }

    [Fact]
    public void Provisional_response_stops_retransmissions_and_timer_B()
    {
        var h = Start();
        h.RunUntil(600);
        h.Feed(TransactionInput.Response(180));
        h.RunUntil(100_000);

        Assert.Equal(TransactionPhase.Proceeding, h.Machine.Phase);
        Assert.Equal([0, 500], h.TimesOf<SendRequestAction>());
        Assert.Empty(h.TimesOf<ReportTimeoutAction>());
        Assert.Equal([600], h.TimesOf<PassToTuAction>());
        Assert.Empty(h.RunningTimers);
    }

    [Fact]
    public void Further_provisional_responses_are_passed_to_the_TU()
    {
        var h = Start();
        h.Feed(TransactionInput.Response(100));
        h.Feed(TransactionInput.Response(180));
        h.Feed(TransactionInput.Response(183));

        Assert.Equal(3, h.TimesOf<PassToTuAction>().Length);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(299)]
    public void Success_response_is_passed_to_the_TU_and_terminates(int status)
    {
        var h = Start();
        h.Feed(TransactionInput.Response(180));
        h.Feed(TransactionInput.Response(status));

        Assert.Equal(TransactionPhase.Terminated, h.Machine.Phase);
        Assert.Equal(2, h.TimesOf<PassToTuAction>().Length);
        Assert.Empty(h.TimesOf<SendAckAction>());
    }

    [Fact]
    public void Failure_response_is_acknowledged_passed_up_once_and_timer_D_ends_the_transaction()
    {
        var h = Start();
        h.RunUntil(700);
        h.Feed(TransactionInput.Response(486));
        h.RunUntil(2000);
        h.Feed(TransactionInput.Response(486));
        h.RunUntil(60_000);

        Assert.Equal([700, 2000], h.TimesOf<SendAckAction>());
        Assert.Equal([700], h.TimesOf<PassToTuAction>());
        Assert.Equal([0, 500], h.TimesOf<SendRequestAction>());
        Assert.Equal([32_700], h.TimesOf<TerminateAction>());
    }

    [Fact]
    public void Timer_D_is_at_least_64_T1_when_T1_is_large()
    {
        var h = Start(timers: new TransactionTimers(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5)));
        h.Feed(TransactionInput.Response(503));
        h.RunUntil(100_000);

        Assert.Equal([64_000], h.TimesOf<TerminateAction>());
    }

    [Fact]
    public void Failure_response_on_reliable_transport_terminates_at_once()
    {
        var h = Start(reliable: true);
        h.Feed(TransactionInput.Response(404));

        Assert.Equal(TransactionPhase.Terminated, h.Machine.Phase);
        Assert.Equal([0], h.TimesOf<SendAckAction>());
        Assert.Equal([0], h.TimesOf<PassToTuAction>());
    }

    [Fact]
    public void Transport_error_is_reported_and_terminates()
    {
        var h = Start();
        h.Feed(TransactionInput.TransportError);

        Assert.Equal(TransactionPhase.Terminated, h.Machine.Phase);
        Assert.Single(h.TimesOf<ReportTransportErrorAction>());
    }

    [Fact]
    public void Inputs_that_do_not_apply_are_absorbed()
    {
        var h = Start();
        h.Feed(TransactionInput.AckReceived);
        h.Feed(TransactionInput.TuResponse(200));
        h.Feed(TransactionInput.Response(99));
        h.Feed(TransactionInput.Response(700));

        Assert.Equal(TransactionPhase.Calling, h.Machine.Phase);
        Assert.Empty(h.TimesOf<PassToTuAction>());
    }
}
