using CallCluster.Actors.Directory;
using CallCluster.Host.Configuration;
using CallCluster.Host.Provisioning;
using static CallCluster.Actors.Directory.DirectoryCommands;
using static CallCluster.Actors.Directory.DirectoryReplies;

namespace CallCluster.Host.Http;

/// <summary>/api/v1/subscribers, /api/v1/households and /api/v1/trunks: list, get, upsert (POST or PUT), delete.</summary>
public static class DirectoryEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SipSection sip)
    {
        MapResource(app, new DirectoryResource<SubscriberResource>(
            "subscribers",
            s => s.User,
            ResourceValidation.Check,
            s => new UpsertSubscriber(ToSpec(s), sip.Domain),
            id => new GetSubscriber(id),
            id => new DeleteSubscriber(id),
            new ListSubscribers(),
            reply => reply switch
            {
                SubscriberFound found => View(found.Subscriber),
                SubscriberList list => list.Subscribers.Select(View).ToList(),
                _ => null,
            },
            s => new SubscriberView(s.User, s.Kind, sip.Domain)));

        MapResource(app, new DirectoryResource<HouseholdResource>(
            "households",
            h => h.Id,
            ResourceValidation.Check,
            h => new UpsertHousehold(new HouseholdSpec(h.Id, h.Mobiles, h.LocalTerminals)),
            id => new GetHousehold(id),
            id => new DeleteHousehold(id),
            new ListHouseholds(),
            reply => reply switch
            {
                HouseholdFound found => View(found.Household),
                HouseholdList list => list.Households.Select(View).ToList(),
                _ => null,
            },
            h => h));

        MapResource(app, new DirectoryResource<TrunkResource>(
            "trunks",
            t => t.Name,
            ResourceValidation.Check,
            t => new UpsertTrunk(ResourceValidation.ToSpec(t)),
            id => new GetTrunk(id),
            id => new DeleteTrunk(id),
            new ListTrunks(),
            reply => reply switch
            {
                TrunkFound found => View(found.Trunk),
                TrunkList list => list.Trunks.Select(View).ToList(),
                _ => null,
            },
            t => t));
    }

    public static SubscriberSpec ToSpec(SubscriberResource s)
    {
        SubscriberKinds.TryParse(s.Kind, out var kind);
        return new SubscriberSpec(s.User, s.Password, kind);
    }

    private static SubscriberView View(Subscriber s) => new(s.User, s.Kind.ToText(), s.Realm);

    private static HouseholdResource View(HouseholdSpec h) => new(h.Id, h.Mobiles, h.LocalTerminals);

    private static TrunkResource View(TrunkSpec t) =>
        new(t.Name, t.Address, t.TrustedSources, t.Prefixes, t.Media == TrunkMedia.Bypass ? "bypass" : "anchor");

    private static void MapResource<T>(IEndpointRouteBuilder app, DirectoryResource<T> resource) where T : class
    {
        var path = $"/api/v1/{resource.Path}";

        app.MapGet(path, async (DirectoryClient directory, CancellationToken cancellation) =>
        {
            var reply = await directory.AskAsync(resource.List, cancellation);
            return resource.Found(reply) is { } found ? ApiResults.Json(found) : DirectoryResults.Failure(reply);
        });

        app.MapGet(path + "/{id}", async (string id, DirectoryClient directory, CancellationToken cancellation) =>
        {
            var reply = await directory.AskAsync(resource.Get(id), cancellation);
            return resource.Found(reply) is { } found ? ApiResults.Json(found) : DirectoryResults.Failure(reply);
        });

        app.MapPost(path, (HttpRequest request, DirectoryClient directory, CancellationToken cancellation) =>
            UpsertAsync(resource, null, request, directory, cancellation));

        app.MapPut(path + "/{id}", (string id, HttpRequest request, DirectoryClient directory, CancellationToken cancellation) =>
            UpsertAsync(resource, id, request, directory, cancellation));

        app.MapDelete(path + "/{id}", async (string id, DirectoryClient directory, CancellationToken cancellation) =>
        {
            var reply = await directory.AskAsync(resource.Delete(id), cancellation);
            return reply is Ok ? Results.NoContent() : DirectoryResults.Failure(reply);
        });
    }

    private static async Task<IResult> UpsertAsync<T>(
        DirectoryResource<T> resource, string? routeId, HttpRequest request, DirectoryClient directory, CancellationToken cancellation)
        where T : class
    {
        var (body, rejection) = await ApiResults.ReadBodyAsync<T>(request, cancellation);
        if (body is null)
        {
            return rejection!;
        }
        var problem = resource.Check(body);
        if (problem is not null)
        {
            return ApiResults.Error(StatusCodes.Status400BadRequest, problem);
        }
        var id = resource.Id(body);
        if (routeId is not null && !string.Equals(routeId, id, StringComparison.Ordinal))
        {
            return ApiResults.Error(StatusCodes.Status400BadRequest, $"the body names '{id}' but the URL names '{routeId}'");
        }
        var reply = await directory.AskAsync(resource.Upsert(body), cancellation);
        return DirectoryResults.Change(reply, $"/api/v1/{resource.Path}/{Uri.EscapeDataString(id)}", resource.Echo(body));
    }

    private sealed record DirectoryResource<T>(
        string Path,
        Func<T, string> Id,
        Func<T, string?> Check,
        Func<T, IDirectoryCommand> Upsert,
        Func<string, IDirectoryCommand> Get,
        Func<string, IDirectoryCommand> Delete,
        IDirectoryCommand List,
        Func<IDirectoryReply, object?> Found,
        Func<T, object> Echo);
}

/// <summary>A subscriber as the API shows it: never the password or its hashes.</summary>
public sealed record SubscriberView(string User, string Kind, string Realm);
