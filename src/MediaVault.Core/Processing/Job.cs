using System.Text.Json;

namespace MediaVault.Core.Processing;

/// <summary>
/// A durable unit of background work, stored in the database in the same transaction as the change that needs it.
/// A worker leases it until <see cref="LeaseExpiresAt"/>; a lease that runs out (crashed worker) makes it available again.
/// </summary>
public sealed class Job
{
    public Guid Id { get; set; }

    public Guid? TenantId { get; set; }

    /// <summary>One of <see cref="JobKinds"/>; selects the handler.</summary>
    public required string Kind { get; set; }

    /// <summary>Handler-specific JSON.</summary>
    public string Payload { get; set; } = "{}";

    public JobState State { get; set; }

    public int Attempts { get; set; }

    public int MaxAttempts { get; set; } = 3;

    /// <summary>Not before this time (UTC); pushed back on each retry.</summary>
    public DateTime RunAfter { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTime? LeaseExpiresAt { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public static Job Create<TPayload>(string kind, Guid? tenantId, TPayload payload, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = tenantId,
        Kind = kind,
        Payload = JsonSerializer.Serialize(payload, JsonSerializerOptions.Web),
        State = JobState.Queued,
        RunAfter = now,
        CreatedAt = now,
    };

    /// <exception cref="JsonException">The payload is not of the expected shape.</exception>
    public TPayload ReadPayload<TPayload>() =>
        JsonSerializer.Deserialize<TPayload>(Payload, JsonSerializerOptions.Web)
        ?? throw new JsonException($"Job {Id} of kind {Kind} has an empty payload.");
}
