using System.Globalization;
using CallCluster.Sip.Auth;
using CallCluster.Sip.Message;

namespace CallCluster.Terminal;

public sealed partial class TerminalAgent
{
    private readonly string _registerCallId = NewToken() + "@terminal";
    private readonly string _registerTag = NewToken();
    private readonly List<TaskCompletionSource<bool>> _registerWaiters = [];
    private int _registerCSeq;
    private DateTimeOffset? _registerRefreshAt;
    private string _algorithm = "none";

    /// <summary>
    /// Registers the contact with the registrar (answering 401/407 with digest, SHA-256 when
    /// offered); true once accepted. The registration is refreshed before it expires.
    /// </summary>
    public Task<bool> RegisterAsync() => StartRegister(_options.RegisterExpires);

    /// <summary>Removes the registration (Expires: 0); true once accepted.</summary>
    public Task<bool> UnregisterAsync() => StartRegister(0);

    private Task<bool> StartRegister(int expires)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_options.Registrar is null)
        {
            done.SetResult(false);
            return done.Task;
        }

        _ = InvokeAsync(() =>
        {
            _registerWaiters.Add(done);
            SendRegister(expires, null, 0);
        });
        return done.Task;
    }

    private void SendRegister(int expires, (string Header, string Value)? authorization, int attempt)
    {
        var requestUri = SipUri.Sip(null, Domain.Split(':')[0], Domain.Contains(':') ? int.Parse(Domain.Split(':')[1], CultureInfo.InvariantCulture) : null);
        var aor = NameAddress.Parse("<" + Aor + ">");
        var builder = new SipRequestBuilder("REGISTER", requestUri)
            .Via(NewVia())
            .MaxForwards(70)
            .From(aor.WithTag(_registerTag))
            .To(aor)
            .CallId(_registerCallId)
            .CSeq(++_registerCSeq)
            .Contact(NameAddress.Parse("<" + ContactUri + ">"))
            .Header("Expires", expires.ToString(CultureInfo.InvariantCulture));
        if (authorization is { } auth)
        {
            builder.Header(auth.Header, auth.Value);
        }

        var request = builder.Build();
        if (!SendRequest(request, _options.Registrar, (response, _) => OnRegisterResponse(request, response, expires, attempt)))
        {
            FinishRegister(false, 0, "cannot send REGISTER", expires);
        }
    }

    private void OnRegisterResponse(SipRequest request, SipResponse response, int expires, int attempt)
    {
        if (response.IsProvisional)
        {
            return;
        }

        if (response.StatusCode is 401 or 407 && attempt < 2 && _digest is not null)
        {
            var challenges = response.GetHeaderValues(response.StatusCode == 401 ? "WWW-Authenticate" : "Proxy-Authenticate");
            if (_digest.TryAnswer(challenges, "REGISTER", request.RequestUriText, out var authorization) && authorization is not null)
            {
                _algorithm = authorization.Algorithm.ToToken();
                SendRegister(expires, (response.StatusCode == 401 ? "Authorization" : "Proxy-Authorization", authorization.ToHeaderValue()), attempt + 1);
                return;
            }
        }

        if (!response.IsSuccess)
        {
            FinishRegister(false, response.StatusCode, response.ReasonPhrase, expires);
            return;
        }

        var granted = expires == 0 ? 0 : GrantedExpires(response, expires);
        FinishRegister(true, response.StatusCode, "OK", granted);
    }

    private int GrantedExpires(SipResponse response, int asked)
    {
        var mine = response.Contact.FirstOrDefault(c => c.Uri?.User == _options.User && c.Uri.Port == _local.Port);
        var value = mine?.Expires ?? response.Expires ?? asked;
        return (int)Math.Clamp(value, 0, int.MaxValue);
    }

    private void FinishRegister(bool ok, int status, string reason, int expires)
    {
        var now = _time.GetUtcNow();
        if (ok && expires > 0)
        {
            _registerRefreshAt = now + TimeSpan.FromSeconds(Math.Max(1, Math.Min(expires * 0.8, expires - 5)));
            Publish(registered: true);
            Emit(new RegisteredEvent(now, Aor, expires, _algorithm));
        }
        else if (ok)
        {
            _registerRefreshAt = null;
            Publish(registered: false);
            Emit(new RegisteredEvent(now, Aor, 0, _algorithm));
        }
        else
        {
            _registerRefreshAt = null;
            Publish(registered: false);
            Emit(new RegistrationFailedEvent(now, Aor, status, reason));
        }

        foreach (var waiter in _registerWaiters)
        {
            waiter.TrySetResult(ok);
        }

        _registerWaiters.Clear();
    }
}
