using System.Net;

namespace CallCluster.Actors.Directory;

/// <summary>Shape checks for provisioning input; each returns a one-line message or null.</summary>
public static class DirectoryValidation
{
    public const int MaxNameLength = 64;
    public const int MaxListLength = 64;
    public const int MaxPasswordLength = 128;

    /// <summary>Users, household ids and trunk names: 1-64 of letters, digits and <c>. _ - + ~</c>.</summary>
    public static string? Name(string? value, string what)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{what} is required";
        }

        if (value.Length > MaxNameLength)
        {
            return $"{what} '{Shorten(value)}' is longer than {MaxNameLength} characters";
        }

        return value.All(IsNameChar) ? null : $"{what} '{value}' may hold only letters, digits and . _ - + ~";
    }

    public static string? Password(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "password is required";
        }

        if (password.Length > MaxPasswordLength)
        {
            return $"password is longer than {MaxPasswordLength} characters";
        }

        return password.Any(char.IsControl) ? "password may not contain control characters" : null;
    }

    public static string? Realm(string? realm) =>
        string.IsNullOrWhiteSpace(realm) ? "realm (the SIP domain) is required"
        : realm.Length > 253 || realm.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '"') ? $"realm '{Shorten(realm)}' is not a domain"
        : null;

    public static string? TrunkAddress(string? address) =>
        string.IsNullOrWhiteSpace(address) ? "address is required"
        : address.Length > 255 || address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) ? $"address '{Shorten(address)}' is not a SIP address"
        : null;

    /// <summary>Dialled-number prefix: 1-32 digits, optionally after a leading '+'.</summary>
    public static string? Prefix(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return "prefix must not be empty";
        }

        var digits = prefix[0] == '+' ? prefix.AsSpan(1) : prefix.AsSpan();
        return digits.Length is >= 1 and <= 32 && !digits.ContainsAnyExceptInRange('0', '9')
            ? null
            : $"prefix '{Shorten(prefix)}' must be digits, optionally after '+'";
    }

    /// <summary>An IP address (a /32 or /128 network) or a CIDR range with no host bits set.</summary>
    public static bool TryParseSource(string? text, out IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            // the base address must have no host bits set (10.0.0.0/8, not 10.0.0.1/8)
            return IPNetwork.TryParse(text, out network)
                && IPAddress.TryParse(text.AsSpan(0, slash), out var written)
                && written.Equals(network.BaseAddress);
        }

        if (!IPAddress.TryParse(text, out var address))
        {
            return false;
        }

        network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        return true;
    }

    public static string? List(IReadOnlyList<string>? list, string what) =>
        list is null ? $"{what} is required"
        : list.Count > MaxListLength ? $"{what} has more than {MaxListLength} entries"
        : list.Distinct(StringComparer.Ordinal).Count() != list.Count ? $"{what} lists an entry twice"
        : null;

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '+' or '~';

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
