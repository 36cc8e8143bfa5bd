using CallCluster.Actors.Directory;
using static CallCluster.Actors.Directory.DirectoryCommands;
using static CallCluster.Actors.Directory.DirectoryReplies;

namespace CallCluster.Host.Http;

/// <summary>
/// Checks a click-to-call against the directory: the mobile is a provisioned mobile subscriber and
/// the local terminal is bound to it by a household. Null when acceptable, else (status, message).
/// </summary>
public static class HomeCallCheck
{
    public static async Task<(int Status, string Message)?> ProblemAsync(HomeCallRequest request, DirectoryClient directory, CancellationToken cancellation)
    {
        switch (await directory.AskAsync(new GetSubscriber(request.Mobile), cancellation))
        {
            case SubscriberFound { Subscriber.Kind: SubscriberKind.Mobile }:
                break;
            case SubscriberFound found:
                return (StatusCodes.Status400BadRequest, $"mobile '{request.Mobile}' is a {found.Subscriber.Kind.ToText()} subscriber, not a mobile");
            case NotFound:
                return (StatusCodes.Status400BadRequest, $"mobile '{request.Mobile}' is not a provisioned subscriber");
            case Unavailable unavailable:
                return (StatusCodes.Status503ServiceUnavailable, unavailable.Message);
            case var other:
                return (StatusCodes.Status500InternalServerError, $"unexpected directory reply {other.GetType().Name}");
        }

        return await directory.AskAsync(new ListHouseholds(), cancellation) switch
        {
            HouseholdList list when list.Households.Any(h => h.Mobiles.Contains(request.Mobile) && h.LocalTerminals.Contains(request.LocalTerminal)) => null,
            HouseholdList => (StatusCodes.Status400BadRequest, $"'{request.LocalTerminal}' is not a local terminal bound to mobile '{request.Mobile}'"),
            Unavailable unavailable => (StatusCodes.Status503ServiceUnavailable, unavailable.Message),
            var other => (StatusCodes.Status500InternalServerError, $"unexpected directory reply {other.GetType().Name}"),
        };
    }
}
