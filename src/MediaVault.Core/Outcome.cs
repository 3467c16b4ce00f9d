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
public sealed record Failure(FailureKind Kind, string Message)
{
    public static Failure BadRequest(string message) => new(FailureKind.BadRequest, message);

    public static Failure NotFound(string message) => new(FailureKind.NotFound, message);

    public static Failure Conflict(string message) => new(FailureKind.Conflict, message);

    public static Failure InsufficientStorage() => new(FailureKind.InsufficientStorage, Storage.StorageFullException.ClientMessage);
}

/// <summary>A value or the <see cref="Failure"/> that prevented it.</summary>
public readonly record struct Outcome<T>
{
    private Outcome(T? value, Failure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public Failure? Failure { get; }

    public bool Succeeded => Failure is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Failure failure) => new(default, failure);
}
