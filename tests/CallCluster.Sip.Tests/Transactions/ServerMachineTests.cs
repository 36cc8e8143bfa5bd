using CallCluster.Sip.Transactions;

namespace CallCluster.Sip.Tests.Transactions;

public sealed class ServerMachineTests
{
    private static MachineHarness Invite(bool reliable = false, TransactionTimers? timers = null) =>
        new(ServerInviteMachine.Start(timers ?? TransactionTimers.Default, reliable));

    private static MachineHarness NonInvite(bool reliable = false) =>
        new(ServerNonInviteMachine.Start(TransactionTimers.Default, reliable));

    [Fact]
    public void Invite_is_passed_up_and_100_Trying_is_sent_after_200_ms_when_the_TU_is_silent()
    {
        var h = Invite();
        h.RunUntil(1000);

        Assert.Equal([0], h.TimesOf<PassToTuAction>());
        Assert.Equal([200], h.TimesOf<SendTryingAction>());
    }

    [Fact]
    public void No_100_Trying_when_the_TU_answers_within_200_ms()
    {
        var h = Invite();
        h.RunUntil(150);
        h.Feed(TransactionInput.TuResponse(180));
        h.RunUntil(1000);

        Assert.Empty(h.TimesOf<SendTryingAction>());
        Assert.Equal([150], h.TimesOf<SendTuResponseAction>());
    }

    [Fact]
    public void Retransmitted_invite_gets_the_last_response_again()
    {
        var h = Invite();
        h.Feed(TransactionInput.TuResponse(180));
        h.RunUntil(500);
        h.Feed(TransactionInput.RequestReceived);

        Assert.Equal([500], h.TimesOf<ResendLastResponseAction>());
        Assert.Equal([0], h.TimesOf<PassToTuAction>());
    }

    [Fact]
    public void Success_response_is_sent_and_terminates()
    {
        var h = Invite();
        h.Feed(TransactionInput.TuResponse(200));

        Assert.True(h.Machine.IsTerminated);
        Assert.Single(h.TimesOf<SendTuResponseAction>());
    }

    [Fact]
    public void Timer_G_retransmits_the_failure_response_capped_by_T2_until_timer_H()
    {
        var h = Invite();
        h.RunUntil(1000);
        h.Feed(TransactionInput.TuResponse(486));
        h.RunUntil(40_000);

        Assert.Equal(
            [1500, 2500, 4500, 8500, 12500, 16500, 20500, 24500, 28500, 32500],
            h.TimesOf<ResendLastResponseAction>());
        Assert.Equal([33_000], h.TimesOf<ReportTimeoutAction>());
        Assert.True(h.Machine.IsTerminated);
    }

    [Fact]
    public void Ack_confirms_stops_G_and_H_and_timer_I_ends_after_T4()
    {
        var h = Invite();
        h.Feed(TransactionInput.TuResponse(603));
        h.RunUntil(700);
        h.Feed(TransactionInput.AckReceived);
        h.Feed(TransactionInput.AckReceived);
        h.RunUntil(60_000);

        Assert.Equal([500], h.TimesOf<ResendLastResponseAction>());
        Assert.Empty(h.TimesOf<ReportTimeoutAction>());
        Assert.Equal([5700], h.TimesOf<TerminateAction>());
    }

    [Fact]
    public void Reliable_invite_has_no_timer_G_and_ends_on_ack()
    {
        var h = Invite(reliable: true);
        h.Feed(TransactionInput.TuResponse(404));
        h.RunUntil(1000);
        h.Feed(TransactionInput.AckReceived);

        Assert.Empty(h.TimesOf<ResendLastResponseAction>());
        Assert.Equal([1000], h.TimesOf<TerminateAction>());
    }

    [Fact]
    public void Timer_H_fires_at_64_T1_on_reliable_transport_too()
    {
        var h = Invite(reliable: true, timers: new TransactionTimers(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5)));
        h.Feed(TransactionInput.TuResponse(404));
        h.RunUntil(20_000);

        Assert.Equal([12_800], h.TimesOf<ReportTimeoutAction>());
    }

    [Fact]
    public void Non_invite_absorbs_retransmissions_in_trying_and_resends_the_response_later()
    {
        var h = NonInvite();
        h.Feed(TransactionInput.RequestReceived);
        Assert.Empty(h.TimesOf<ResendLastResponseAction>());

        h.RunUntil(100);
        h.Feed(TransactionInput.TuResponse(200));
        h.RunUntil(300);
        h.Feed(TransactionInput.RequestReceived);

        Assert.Equal([300], h.TimesOf<ResendLastResponseAction>());
        Assert.Equal([0], h.TimesOf<PassToTuAction>());
    }

    [Fact]
    public void Non_invite_timer_J_ends_the_transaction_after_64_T1()
    {
        var h = NonInvite();
        h.RunUntil(100);
        h.Feed(TransactionInput.TuResponse(100));
        h.Feed(TransactionInput.TuResponse(200));
        h.Feed(TransactionInput.TuResponse(500));
        h.RunUntil(60_000);

        Assert.Equal([100, 100], h.TimesOf<SendTuResponseAction>());
        Assert.Equal([32_100], h.TimesOf<TerminateAction>());
    }

    [Fact]
    public void Non_invite_on_reliable_transport_ends_with_the_final_response()
    {
        var h = NonInvite(reliable: true);
        h.Feed(TransactionInput.TuResponse(200));

        Assert.True(h.Machine.IsTerminated);
        Assert.Single(h.TimesOf<SendTuResponseAction>());
    }
}
