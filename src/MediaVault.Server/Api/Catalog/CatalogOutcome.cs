using System.Diagnostics.CodeAnalysis;

namespace MediaVault.Server.Api.Catalog;

/// <summary>
/// A value or the <see cref="CatalogError"/> that prevented it: <see cref="MediaVault.Core.Outcome{T}"/>'s shape for
/// catalogue writes, whose failures carry a 415 and 422 violations that the core failure kinds do not.
/// </summary>
public readonly record struct CatalogOutcome<T>
{
    private CatalogOutcome(T? value, CatalogError? error)
    {
        Value = value;
        Error = error;
        Failed = error is not null;
    }

    public T? Value { get; }

    public CatalogError? Error { get; }

    [MemberNotNullWhen(true, nameof(Error))]
    [MemberNotNullWhen(false, nameof(Value))]
    public bool Failed { get; }

    public static implicit operator CatalogOutcome<T>(T value) => new(value, null);

    public static implicit operator CatalogOutcome<T>(CatalogError error) => new(default, error);
}
