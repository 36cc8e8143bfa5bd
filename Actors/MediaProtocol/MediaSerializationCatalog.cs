using CallCluster.Actors.Serialization;

namespace CallCluster.Actors.MediaProtocol;

/// <summary>The media protocol's serialisable types. Manifests start with "m" and are never renamed.</summary>
public sealed class MediaSerializationCatalog : ISerializationCatalog
{
    private static readonly CodecSpec[] SampleCodecs = [CodecSpec.Pcmu, CodecSpec.Pcma];

    public IEnumerable<ManifestEntry> Entries { get; } =
    [
        new("mAlloc", typeof(AllocateEndpoint), () => new AllocateEndpoint(
            "s1", "leg1", "mobile", [new MediaStreamRequest(MediaKind.Audio, SampleCodecs), new MediaStreamRequest(MediaKind.Video, [new CodecSpec(96, "VP8", 90000)], true)])),
        new("mAlcd", typeof(EndpointAllocated), () => new EndpointAllocated(
            "s1", "leg1", "ep-1", "192.0.2.10", [new AllocatedStream(MediaKind.Audio, 30000, 30001, false)])),
        new("mAlcF", typeof(AllocationFailed), () => new AllocationFailed("s1", "leg1", "ports exhausted")),
        new("mConf", typeof(ConfigureEndpoint), () => new ConfigureEndpoint(
            "s1", "ep-1", [new StreamConfiguration(MediaKind.Audio, "198.51.100.7", 4000, 4001, SampleCodecs, MediaDirection.SendOnly)])),
        new("mConfd", typeof(EndpointConfigured), () => new EndpointConfigured("s1", "ep-1")),
        new("mMix", typeof(CreateMix), () => new CreateMix("s1", ["ep-1", "ep-2", "ep-3"], [new VideoRoute("ep-2", "ep-3")])),
        new("mMixd", typeof(MixCreated), () => new MixCreated("s1", ["ep-1", "ep-2"])),
        new("mVid", typeof(SetVideoRoutes), () => new SetVideoRoutes("s1", [new VideoRoute("ep-3", "ep-2")])),
        new("mXfer", typeof(TransferToBridge), () => new TransferToBridge("s1", "ep-2", "ep-3")),
        new("mBrd", typeof(BridgeCreated), () => new BridgeCreated("s1", "ep-2", "ep-3", true)),
        new("mRel", typeof(ReleaseEndpoint), () => new ReleaseEndpoint("s1", "ep-1")),
        new("mReld", typeof(EndpointReleased), () => new EndpointReleased("s1", "ep-1")),
        new("mRelS", typeof(ReleaseSession), () => new ReleaseSession("s1")),
        new("mRelSd", typeof(SessionReleased), () => new SessionReleased("s1", 3)),
        new("mFail", typeof(MediaCommandFailed), () => new MediaCommandFailed("s1", "unknown endpoint")),
        new("mDead", typeof(EndpointDead), () => new EndpointDead("ep-1", "s1", "leg1")),
        new("mStQ", typeof(GetMediaStats), () => GetMediaStats.Instance),
        new("mStat", typeof(MediaStats), () => new MediaStats(4, 96, 2, 1, 0, 10, 12, 50, 0)),
    ];
}
