using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CallCluster.Sip.Auth;

/// <summary>Outcome of checking a nonce that the server issued earlier.</summary>
public enum NonceState
{
    /// <summary>Issued by a server holding the same secret, still within its lifetime.</summary>
    Valid,

    /// <summary>Authentic but older than the lifetime: answer with stale=true.</summary>
    Expired,

    /// <summary>Not issued by us (bad encoding, bad MAC, other realm, or a time in the future).</summary>
    Invalid,
}

/// <summary>
/// Stateless nonces: base64url(issued-at ms (8 bytes) | random (8 bytes) | HMAC-SHA-256(secret,
/// issued-at | random | realm) truncated to 16 bytes). Any node that shares the secret can
/// validate a nonce without a lookup. Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class DigestNonces
{
    private const int TimeLength = 8;
    private const int RandomLength = 8;
    private const int MacLength = 16;
    private const int RawLength = TimeLength + RandomLength + MacLength;
    private static readonly TimeSpan AllowedClockSkew = TimeSpan.FromSeconds(30);

    private readonly byte[] _secret;
    private readonly byte[] _realm;
    private readonly TimeProvider _time;

    /// <param name="secret">Server secret shared by every node of the realm, at least 16 bytes.</param>
    public DigestNonces(ReadOnlySpan<byte> secret, string realm, TimeSpan lifetime, TimeProvider time)
    {
        if (secret.Length < 16) throw new ArgumentException("The nonce secret must be at least 16 bytes.", nameof(secret));
        if (lifetime <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(lifetime));
        _secret = secret.ToArray();
        _realm = Encoding.UTF8.GetBytes(realm);
        _time = time;
        Lifetime = lifetime;
    }

    /// <summary>How long a nonce stays valid after it was issued.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>Issues a fresh nonce stamped with the current time.</summary>
    public string Issue()
    {
        Span<byte> raw = stackalloc byte[RawLength];
        BinaryPrimitives.WriteInt64BigEndian(raw, _time.GetUtcNow().ToUnixTimeMilliseconds());
        RandomNumberGenerator.Fill(raw.Slice(TimeLength, RandomLength));
        Mac(raw[..(TimeLength + RandomLength)], raw[(TimeLength + RandomLength)..]);
        return Base64Url.EncodeToString(raw);
    }

    /// <summary>Checks a nonce; on success also returns when it was issued.</summary>
    public NonceState Check(string? nonce, out DateTimeOffset issuedAt)
    {
        issuedAt = default;
        if (nonce is null || nonce.Length > 64) return NonceState.Invalid;
        Span<byte> raw = stackalloc byte[48];
        if (Base64Url.DecodeFromChars(nonce, raw, out _, out var written) != OperationStatus.Done || written != RawLength)
            return NonceState.Invalid;
        raw = raw[..RawLength];
        Span<byte> expected = stackalloc byte[MacLength];
        Mac(raw[..(TimeLength + RandomLength)], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, raw[(TimeLength + RandomLength)..])) return NonceState.Invalid;

        var ms = BinaryPrimitives.ReadInt64BigEndian(raw);
        if (ms < 0 || ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()) return NonceState.Invalid;
        issuedAt = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        var now = _time.GetUtcNow();
        if (issuedAt > now + AllowedClockSkew) return NonceState.Invalid;
        return now - issuedAt > Lifetime ? NonceState.Expired : NonceState.Valid;
    }

    /// <summary>A stable opaque value for this secret and realm, identical on every node.</summary>
    public string Opaque()
    {
        Span<byte> mac = stackalloc byte[MacLength];
        Mac("opaque"u8, mac);
        return Base64Url.EncodeToString(mac[..12]);
    }

    private void Mac(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var input = new byte[data.Length + _realm.Length];
        data.CopyTo(input);
        _realm.CopyTo(input.AsSpan(data.Length));
        Span<byte> full = stackalloc byte[32];
        HMACSHA256.HashData(_secret, input, full);
        full[..destination.Length].CopyTo(destination);
    }
}
