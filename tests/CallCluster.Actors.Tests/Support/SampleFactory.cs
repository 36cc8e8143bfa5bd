using System.Collections;
using System.Reflection;

namespace CallCluster.Actors.Tests.Support;

/// <summary>Builds a non-default instance of a message type by reflection, for catalog entries without a sample.</summary>
public static class SampleFactory
{
    private static readonly DateTimeOffset Moment = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public static object Create(Type type) => Build(type, 0) ?? throw new InvalidOperationException($"cannot build a {type}");

    private static object? Build(Type type, int depth)
    {
        if (depth > 6)
        {
            return null;
        }

        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return Build(underlying, depth);
        }

        if (Scalar(type) is { } scalar)
        {
            return scalar;
        }

        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.GetValue(values.Length - 1);
        }

        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            var array = Array.CreateInstance(element, 1);
            array.SetValue(Build(element, depth + 1), 0);
            return array;
        }

        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments().Length == 1)
        {
            var element = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            list.Add(Build(element, depth + 1));
            return type.IsAssignableFrom(list.GetType()) ? list : Activator.CreateInstance(type, list);
        }

        if (type.IsGenericType && type.GetGenericArguments().Length == 2 && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var args = type.GetGenericArguments();
            var dict = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(args))!;
            dict.Add(Build(args[0], depth + 1)!, Build(args[1], depth + 1));
            return dict;
        }

        if (type.IsInterface || type.IsAbstract)
        {
            var concrete = type.Assembly.GetTypes()
                .Where(t => !t.IsAbstract && !t.IsInterface && type.IsAssignableFrom(t))
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .FirstOrDefault();
            return concrete is null ? null : Build(concrete, depth + 1);
        }

        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .Where(c => !(c.GetParameters() is [var p] && p.ParameterType == type))
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault();
        if (constructor is null)
        {
            return type.IsValueType ? Activator.CreateInstance(type) : StaticInstance(type);
        }

        var arguments = constructor.GetParameters().Select(p => Build(p.ParameterType, depth + 1)).ToArray();
        return constructor.Invoke(arguments);
    }

    private static object? StaticInstance(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(p => p.PropertyType == type)?.GetValue(null);

    private static object? Scalar(Type type) =>
        type == typeof(string) ? "sample-text"
        : type == typeof(int) ? 7
        : type == typeof(long) ? 7L
        : type == typeof(short) ? (short)7
        : type == typeof(byte) ? (byte)7
        : type == typeof(uint) ? 7u
        : type == typeof(ulong) ? 7ul
        : type == typeof(ushort) ? (ushort)7
        : type == typeof(double) ? 0.5
        : type == typeof(float) ? 0.5f
        : type == typeof(decimal) ? 0.5m
        : type == typeof(bool) ? true
        : type == typeof(DateTimeOffset) ? Moment
        : type == typeof(DateTime) ? Moment.UtcDateTime
        : type == typeof(TimeSpan) ? TimeSpan.FromSeconds(42)
        : type == typeof(Guid) ? new Guid("0a1b2c3d-0000-4000-8000-000000000001")
        : type == typeof(char) ? 'x'
        : null;
}
