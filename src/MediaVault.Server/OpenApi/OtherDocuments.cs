namespace MediaVault.Server.OpenApi;

// Shapes the handlers write as anonymous objects; these records only describe them for the OpenAPI document.

/// <summary><c>{"status": "error", "message"}</c> of the delivery surface (the release surface's shape).</summary>
public sealed record DeliveryError(string Status, string Message);

/// <summary><c>{success, message}</c> of library deletes.</summary>
public sealed record LibraryMessage(bool Success, string Message);

/// <summary>Answer of the library's signed PUT.</summary>
public sealed record LibraryUploadAnswer(bool Success, string Message, LibraryUploadReceipt Data);

public sealed record LibraryUploadReceipt(string Id, long ReceivedBytes, string Sha256);
