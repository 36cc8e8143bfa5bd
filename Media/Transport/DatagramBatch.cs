using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CallCluster.Media.Transport;

/// <summary>
/// Receive buffers for one poller (a mixing loop): room for <see cref="Capacity"/> datagrams and
/// their sources, in memory that never moves, so that on Linux one <c>recvmmsg</c> call takes
/// everything a socket holds (up to the capacity) instead of one system call per datagram plus one
/// to learn that the socket is empty. Elsewhere, or where the call is missing, <see cref="UdpChannel.Poll(DatagramBatch, SocketAddress, int)"/>
/// receives one datagram at a time into the first slot. Owned by one thread; not thread-safe.
/// </summary>
public sealed class DatagramBatch
{
    /// <summary>Datagrams one call can take.</summary>
    public const int Capacity = 16;

    /// <summary>Room for any socket address (sockaddr_storage).</summary>
    private const int NameBytes = 128;

    private readonly byte[] data = GC.AllocateArray<byte>(Capacity * UdpChannel.MaxDatagram, pinned: true);
    private readonly byte[] names = GC.AllocateArray<byte>(Capacity * NameBytes, pinned: true);
    private readonly LinuxDatagrams.IoVector[] vectors = GC.AllocateArray<LinuxDatagrams.IoVector>(Capacity, pinned: true);
    private readonly LinuxDatagrams.MessageHeader[] headers = new LinuxDatagrams.MessageHeader[Capacity];

    /// <summary>Creates the buffers; <paramref name="batched"/> false always receives one datagram at a time.</summary>
    public DatagramBatch(bool batched = true)
    {
        Batched = batched && OperatingSystem.IsLinux();
        for (int i = 0; i < Capacity; i++)
        {
            vectors[i] = new LinuxDatagrams.IoVector(Marshal.UnsafeAddrOfPinnedArrayElement(data, i * UdpChannel.MaxDatagram), UdpChannel.MaxDatagram);
            headers[i] = new LinuxDatagrams.MessageHeader(
                Marshal.UnsafeAddrOfPinnedArrayElement(names, i * NameBytes),
                Marshal.UnsafeAddrOfPinnedArrayElement(vectors, i));
        }
    }

    /// <summary>True while receiving takes several datagrams a call (Linux, <c>recvmmsg</c> present).</summary>
    public bool Batched { get; private set; }

    /// <summary>The buffer of one datagram at a time (the fallback, over slot 0 of the batch): one byte longer than the longest datagram taken, so that a longer one shows.</summary>
    internal Span<byte> Single => data.AsSpan(0, UdpChannel.MaxDatagram + 1);

    /// <summary>
    /// Receives up to <paramref name="most"/> (at most <see cref="Capacity"/>) datagrams from
    /// <paramref name="socket"/> without blocking; returns how many (0 when none is queued or on
    /// any error, which the next call meets again).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal int ReceiveFrom(SafeHandle socket, int most)
    {
        int count = Math.Min(most, Capacity);
        for (int i = 0; i < count; i++)
        {
            headers[i].Reset(NameBytes);
        }

        bool added = false;
        try
        {
            socket.DangerousAddRef(ref added);
            int received = LinuxDatagrams.ReceiveMany((int)socket.DangerousGetHandle(), headers, (uint)count);
            return Math.Max(received, 0);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            Batched = false;
            return 0;
        }
        finally
        {
            if (added)
            {
                socket.DangerousRelease();
            }
        }
    }

    /// <summary>Datagram <paramref name="index"/> of the last receive; false when it was truncated (longer than <see cref="UdpChannel.MaxDatagram"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal bool TryGet(int index, SocketAddress from, out Span<byte> datagram)
    {
        ref readonly var header = ref headers[index];
        datagram = data.AsSpan(index * UdpChannel.MaxDatagram, (int)Math.Min(header.Length, (uint)UdpChannel.MaxDatagram));
        int nameLength = Math.Min(header.NameLength, from.Buffer.Length);
        names.AsSpan(index * NameBytes, nameLength).CopyTo(from.Buffer.Span);
        from.Size = nameLength;
        return !header.Truncated;
    }
}
