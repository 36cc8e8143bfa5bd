using CallCluster.Sip.Dialogs;

namespace CallCluster.Sip.Tests.Dialogs;

internal static class DialogSamples
{
    public static DialogState Confirmed(params string[] routeSet) => new()
    {
        CallId = "a84b4c76e66710@pc33.atlanta.com",
        LocalTag = "1928301774",
        RemoteTag = "a6c85cf",
        LocalUri = "sip:alice@atlanta.com",
        RemoteUri = "sip:bob@biloxi.com",
        RemoteTarget = "sip:bob@192.0.2.4",
        LocalContact = "sip:alice@pc33.atlanta.com",
        RouteSet = routeSet,
        LocalCSeq = 314159,
        RemoteCSeq = null,
        Secure = false,
        Early = false,
        IsUac = true,
    };
}
