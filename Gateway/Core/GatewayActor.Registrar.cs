using System.Globalization;
using CallCluster.Actors.Directory;
using CallCluster.Actors.Registration;
using CallCluster.Sip.Auth;
using CallCluster.Sip.Message;
using CallCluster.Sip.Transactions;
using static CallCluster.Actors.Registration.RegistrationCommands;
using static CallCluster.Actors.Registration.RegistrationReplies;

namespace CallCluster.Gateway.Core;

public sealed partial class GatewayActor
{
    /// <summary>
    /// Digest check of a subscriber's request: REGISTER with 401/WWW-Authenticate, everything else
    /// with 407/Proxy-Authenticate; SHA-256 offered first, MD5 accepted. Answers the request itself
    /// (challenge, 400, 403) and returns null unless the credentials are right.
    /// </summary>
    private Subscriber? Authenticate(TransactionKey key, SipRequest request, bool proxy)
    {
        var snapshot = Directory;
        var result = _verifier.Verify(request, proxy, user => Credentials(snapshot, user), out var authorization);
        switch (result)
        {
            case DigestVerifyResult.Ok:
                return snapshot.FindSubscriber(authorization!.Username);
            case DigestVerifyResult.Malformed:
                Respond(key, request, 400, "Bad Authorization");
                return null;
            case DigestVerifyResult.Replay:
                Respond(key, request, 403, "Forbidden");
                return null;
            default:
                var stale = result == DigestVerifyResult.Stale;
                var header = DigestMessages.ChallengeHeader(proxy);
                Respond(key, request, DigestMessages.ChallengeStatus(proxy), proxy ? "Proxy Authentication Required" : "Unauthorized", r =>
                {
                    foreach (var value in _challenger.CreateHeaderValues(stale))
                    {
                        r = r.AddHeader(header, value);
                    }

                    return r;
                });
                return null;
        }
    }

    private static DigestCredentials? Credentials(DirectorySnapshot snapshot, string user) =>
        snapshot.FindSubscriber(user) is { } s
            ? new DigestCredentials(s.User, s.Realm, new Ha1(DigestAlgorithm.Md5, s.Ha1Md5), new Ha1(DigestAlgorithm.Sha256, s.Ha1Sha256))
            : null;

    /// <summary>REGISTER: the AOR is the To user; only its own subscriber may bind contacts to it.</summary>
    private void OnRegister(TransactionKey key, SipRequest request)
    {
        var subscriber = Authenticate(key, request, proxy: false);
        if (subscriber is null)
        {
            return;
        }

        var aor = request.To?.Uri.User;
        if (!string.Equals(aor, subscriber.User, StringComparison.Ordinal))
        {
            Respond(key, request, 403, "Forbidden");
            return;
        }

        var contacts = request.Contact;
        var wildcard = contacts.Any(c => c.IsWildcard);
        var list = contacts.Where(c => !c.IsWildcard)
            .Select(c => new ContactRequest(c.Uri!.ToString(), c.Expires is { } e ? (int)Math.Min(e, int.MaxValue) : null, c.Q))
            .ToList();
        var expires = request.Expires is { } x ? (int?)Math.Min(x, int.MaxValue) : null;
        var command = new Register(subscriber.User, request.CallId ?? string.Empty, request.CSeq?.Number ?? 0, list, wildcard, expires);
        AskThen(_ports.Registrations, command, reply =>
        {
            switch (reply)
            {
                case Bindings b:
                    Respond(key, request, 200, "OK", r =>
                    {
                        foreach (var c in b.Contacts)
                        {
                            r = r.AddHeader("Contact", $"<{c.Uri}>;expires={c.SecondsLeft(b.Now).ToString(CultureInfo.InvariantCulture)}");
                        }

                        return r.AddHeader("Date", DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture));
                    });
                    break;
                case Rejected rej:
                    Respond(key, request, rej.StatusCode, rej.Reason, r => rej.MinExpires is { } min
                        ? r.AddHeader("Min-Expires", min.ToString(CultureInfo.InvariantCulture))
                        : r);
                    break;
                default:
                    Respond(key, request, 503, "Service Unavailable", RetryAfter);
                    break;
            }
        });
    }

    private SipResponse RetryAfter(SipResponse r) => r.AddHeader("Retry-After", _settings.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture));
}
