using System.Diagnostics.CodeAnalysis;

namespace MediaVault.Core;

/// <summary>Why an expected operation did not succeed; each API surface renders these in its own error shape.</summary>
public enum FailureKind
{
    BadRequest,
    NotFound,
    Conflict,
    Forbidden,
    TooLarge,
    Unprocessable,

    /// <summary>The server has no room to store it (507); nothing was kept and a retry may succeed later.</summary>
    InsufficientStorage,
}

/// <summary>An expected failure with a message meant for the client.</summary>
/// <param name="ReferencedBy">For a <see cref="FailureKind.Conflict"/> caused by references: what still refers to it (never null).</param>
public sealed record Failure(FailureKind Kind, string Message)
{
    public IReadOnlyList<string> ReferencedBy { get; init; } = [];

    public static Failure BadRequest(string message) => new(FailureKind.BadRequest, message);

    public static Failure NotFound(string message) => new(FailureKind.NotFound, message);

    public static Failure Conflict(string message) => new(FailureKind.Conflict, message);

    public static Failure InsufficientStorage() => new(FailureKind.InsufficientStorage, Storage.StorageFullException.ClientMessage);
}

/// <summary>The value of an operation that succeeds with nothing to return.</summary>
public readonly record struct Done
{
    public static readonly Done Value;
}

/// <summary>
/// A value or the <see cref="Failure"/> that prevented it: the one shape of an expected outcome. Test
/// <see cref="Failed"/> (or <see cref="Succeeded"/>) and the compiler knows which of the two is there.
/// </summary>
public readonly record struct Outcome<T>
{
    private Outcome(T? value, Failure? failure)
    {
        Value = value;
        Failure = failure;
        Failed = failure is not null;
    }

    public T? Value { get; }

    public Failure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Failure))]
    [MemberNotNullWhen(false, nameof(Value))]
    public bool Failed { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => !Failed;

    /// <summary>A success; for an interface-typed <typeparamref name="T"/>, which the implicit conversion cannot take.</summary>
    public static Outcome<T> Ok(T value) => new(value, null);

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Failure failure) => new(default, failure);
}
