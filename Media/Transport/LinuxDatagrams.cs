using System.Runtime.InteropServices;

namespace CallCluster.Media.Transport;

/// <summary>Linux's <c>recvmmsg</c> (several datagrams from one socket in one system call) and the structures it fills (LP64 layout).</summary>
internal static class LinuxDatagrams
{
    private const int DontWait = 0x40; // MSG_DONTWAIT
    private const int TruncatedFlag = 0x20; // MSG_TRUNC

    /// <summary>Receives up to <paramref name="count"/> queued datagrams without blocking; -1 when none (or an error).</summary>
    public static int ReceiveMany(int socket, MessageHeader[] headers, uint count) =>
        RecvMmsg(socket, headers, count, DontWait, 0);

    [DllImport("libc", EntryPoint = "recvmmsg")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int RecvMmsg(int socket, [In, Out] MessageHeader[] headers, uint count, int flags, nint timeout);

    /// <summary>struct iovec.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public readonly struct IoVector(nint start, nint length)
    {
        public readonly nint Start = start;
        public readonly nint Length = length;
    }

    /// <summary>struct mmsghdr: a struct msghdr (56 bytes) and the received length.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 64)]
    public struct MessageHeader(nint name, nint vector)
    {
        /// <summary>Where the kernel writes the source address.</summary>
        [FieldOffset(0)]
        public readonly nint Name = name;

        [FieldOffset(8)]
        private int nameLength;

        /// <summary>The datagram's buffer (one struct iovec).</summary>
        [FieldOffset(16)]
        public readonly nint Vector = vector;

        /// <summary>Buffers in <see cref="Vector"/>.</summary>
        [FieldOffset(24)]
        public readonly nint VectorCount = 1;

        /// <summary>No ancillary data.</summary>
        [FieldOffset(32)]
        public readonly nint Control = 0;

        /// <summary>No ancillary data.</summary>
        [FieldOffset(40)]
        public readonly nint ControlLength = 0;

        [FieldOffset(48)]
        private int flags;

        [FieldOffset(56)]
        private uint length;

        /// <summary>Source address bytes written by the kernel.</summary>
        public readonly int NameLength => nameLength;

        /// <summary>Datagram bytes received.</summary>
        public readonly uint Length => length;

        /// <summary>The datagram was longer than its buffer.</summary>
        public readonly bool Truncated => (flags & TruncatedFlag) != 0;

        /// <summary>Prepares the header for the next receive.</summary>
        public void Reset(int nameCapacity)
        {
            nameLength = nameCapacity;
            flags = 0;
            length = 0;
        }
    }
}
