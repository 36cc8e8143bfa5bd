using CallCluster.Sip.Message;
using CallCluster.Sip.Transactions;
using Microsoft.Extensions.Time.Testing;

namespace CallCluster.Sip.Tests.Transactions;

/// <summary>Records what a transaction layer sends and delivers, with virtual timestamps.</summary>
internal sealed class RecordingSink(FakeTimeProvider time, DateTimeOffset origin) : ITransactionLayerSink
{
    public List<(double AtMs, SipMessage Message)> Sent { get; } = [];

    public List<(double AtMs, TransactionNotice Notice)> Notices { get; } = [];

    public Action<TransactionNotice>? OnNotice { get; set; }

    public void Send(SipMessage message, TransactionPeer peer) => Sent.Add((Now, message));

    public void Deliver(TransactionNotice notice)
    {
        Notices.Add((Now, notice));
        OnNotice?.Invoke(notice);
    }

    public double[] SentTimes(Func<SipMessage, bool> filter) => Sent.Where(s => filter(s.Message)).Select(s => s.AtMs).ToArray();

    public T[] Of<T>() where T : TransactionNotice => Notices.Select(n => n.Notice).OfType<T>().ToArray();

    private double Now => (time.GetUtcNow() - origin).TotalMilliseconds;
}
