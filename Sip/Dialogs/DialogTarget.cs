using CallCluster.Sip.Message;

namespace CallCluster.Sip.Dialogs;

/// <summary>Request-URI and Route header values of an in-dialog request (RFC 3261 12.2.1.1).</summary>
/// <param name="RequestUri">The Request-URI.</param>
/// <param name="Route">Route header values (name-addr form, <c>&lt;uri&gt;</c>), in order.</param>
public sealed record DialogTarget(string RequestUri, IReadOnlyList<string> Route)
{
    /// <summary>
    /// Computes where an in-dialog request goes. Empty route set: Request-URI is the remote target,
    /// no Route. First route loose (<c>lr</c>): Request-URI is the remote target, Route is the
    /// route set. First route strict: Request-URI is the first route (without parameters a
    /// Request-URI may not carry), Route is the rest of the route set followed by the remote target.
    /// </summary>
    public static DialogTarget For(DialogState dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        var routes = dialog.RouteSet.Select(Unbracket).ToArray();
        if (routes.Length == 0)
        {
            return new DialogTarget(dialog.RemoteTarget, []);
        }

        if (!SipUri.TryParse(routes[0], out var first) || first.LooseRouting)
        {
            return new DialogTarget(dialog.RemoteTarget, routes.Select(Bracket).ToArray());
        }

        var requestUri = first.WithoutHeaders().WithoutParameter("method").ToString();
        var rest = new string[routes.Length];
        for (var i = 1; i < routes.Length; i++)
        {
            rest[i - 1] = Bracket(routes[i]);
        }

        rest[^1] = Bracket(dialog.RemoteTarget);
        return new DialogTarget(requestUri, rest);
    }

    private static string Bracket(string uri) => "<" + uri + ">";

    // Route set entries are URIs; entries kept in name-addr form (<uri>) are accepted too.
    private static string Unbracket(string entry) =>
        entry.StartsWith('<') && NameAddress.TryParse(entry, out var address) ? address.Uri.ToString() : entry;
}
