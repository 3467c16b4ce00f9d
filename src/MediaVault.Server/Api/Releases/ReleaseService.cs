using MediaVault.Core;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Releases;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Api.Releases;

/// <summary>Release and track lifecycle: create, read, update, submit, review, revert.</summary>
public sealed class ReleaseService(MediaVaultDbContext db, JobSignal signal, TimeProvider clock)
{
    public async Task<Outcome<Release>> CreateAsync(Guid tenantId, ReleaseFields fields, CancellationToken cancellationToken)
    {
        var now = Now;
        var release = new Release { Id = Guid.CreateVersion7(), TenantId = tenantId, Title = "", Status = ReleaseStatus.Draft, CreatedAt = now, UpdatedAt = now };
        var applied = ReleaseFieldRules.Apply(release, fields, creating: true);
        if (applied.Failed)
        {
            return applied.Failure;
        }

        db.Releases.Add(release);
        var jobs = new List<Job>();
        foreach (var link in fields.Media ?? [])
        {
            var created = AddLink(tenantId, link, ReleaseKinds.Release, UsageOwners.Release, release.Id, null, jobs);
            if (created.Failure is { } bad)
            {
                return bad;
            }
        }

        var number = 0;
        var index = 0;
        foreach (var trackFields in fields.Tracks ?? [])
        {
            var position = index++;
            var track = NewTrack(release, trackFields.TrackNumber ?? ++number);
            number = Math.Max(number, track.TrackNumber);
            var trackApplied = ReleaseFieldRules.Apply(track, trackFields);
            if (trackApplied.Failed)
            {
                return trackApplied.Failure with { Message = $"tracks[{position}]: {trackApplied.Failure.Message}" };
            }

            db.Tracks.Add(track);
            if (trackFields.Media is { Count: > 1 })
            {
                return Failure.BadRequest("A track can have only one media");
            }

            foreach (var link in trackFields.Media ?? [])
            {
                if (AddLink(tenantId, link, ReleaseKinds.Track, UsageOwners.Track, track.Id, release.Id, jobs).Failure is { } bad)
                {
                    return bad;
                }
            }
        }

        db.Jobs.AddRange(jobs);
        await db.SaveChangesAsync(cancellationToken);
        NotifyIf(jobs);
        return release;
    }

    public async Task<Outcome<Release>> FindAsync(Guid tenantId, string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var releaseId))
        {
            return Failure.BadRequest(ReleaseErrors.InvalidReleaseId);
        }

        var release = await db.Releases.SingleOrDefaultAsync(r => r.Id == releaseId && r.TenantId == tenantId, cancellationToken);
        return release is null ? Failure.NotFound(ReleaseErrors.ReleaseNotFound) : release;
    }

    /// <summary>The tenant's required delivery profile (<c>Releases:RequiredProfile</c>), or null.</summary>
    public Task<string?> RequiredProfileAsync(Guid tenantId, CancellationToken cancellationToken) =>
        db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.RequiredReleaseProfile).SingleOrDefaultAsync(cancellationToken);

    public async Task<(List<Release> Items, int Total)> ListAsync(Guid tenantId, ReleaseListQuery query, CancellationToken cancellationToken)
    {
        var releases = db.Releases.AsNoTracking().Where(r => r.TenantId == tenantId);
        if (query.Status is { } status)
        {
            releases = releases.Where(r => r.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Format))
        {
            releases = releases.Where(r => r.Format != null && r.Format.ToLower() == query.Format.ToLower());
        }

        if (!string.IsNullOrWhiteSpace(query.Type))
        {
            releases = releases.Where(r => r.Type != null && r.Type.ToLower() == query.Type.ToLower());
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            releases = releases.Where(r => r.Title.ToLower().Contains(term)
                || (r.DisplayArtist != null && r.DisplayArtist.ToLower().Contains(term))
                || (r.Description != null && r.Description.ToLower().Contains(term)));
        }

        if (!string.IsNullOrWhiteSpace(query.Owner))
        {
            releases = releases.Where(r => r.OwnerId == query.Owner);
        }

        var total = await releases.CountAsync(cancellationToken);
        var items = await releases.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip((query.Page - 1) * query.Limit).Take(query.Limit)
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    public async Task<Outcome<Release>> UpdateAsync(Guid tenantId, string id, ReleaseFields fields, CancellationToken cancellationToken)
    {
        var found = await FindAsync(tenantId, id, cancellationToken);
        if (found.Value is not { } release)
        {
            return found;
        }

        if (!ReleaseRules.IsEditable(release.Status))
        {
            return Failure.BadRequest(ReleaseErrors.NotEditable);
        }

        var applied = ReleaseFieldRules.Apply(release, fields, creating: false);
        if (applied.Failed)
        {
            return applied.Failure;
        }

        release.UpdatedAt = Now;
        return await SaveIfStatusAsync(release, release.Status, cancellationToken);
    }

    public async Task<Outcome<Release>> SubmitAsync(Guid tenantId, string id, CancellationToken cancellationToken)
    {
        var found = await FindAsync(tenantId, id, cancellationToken);
        if (found.Value is not { } release)
        {
            return found;
        }

        if (!ReleaseRules.CanSubmit(release.Status))
        {
            return Failure.BadRequest($"Only draft or rejected releases can be submitted (status is {release.Status.ToWire()})");
        }

        var previous = release.Status;
        release.Status = ReleaseStatus.Submitted;
        release.SubmittedAt = release.UpdatedAt = Now;
        return await SaveIfStatusAsync(release, previous, cancellationToken);
    }

    /// <summary>Approves (and enqueues the move to permanent storage) or rejects a submitted release.</summary>
    public async Task<Outcome<Release>> ReviewAsync(Guid tenantId, string id, string reviewer, string? action, string? feedback, CancellationToken cancellationToken)
    {
        var length = TextLimits.Check(feedback, "feedback", ReleaseFieldLimits.Feedback);
        if (length.Failed)
        {
            return length.Failure;
        }

        var approve = string.Equals(action, "approve", StringComparison.OrdinalIgnoreCase);
        if (!approve && !string.Equals(action, "reject", StringComparison.OrdinalIgnoreCase))
        {
            return Failure.BadRequest("action must be 'approve' or 'reject'");
        }

        var found = await FindAsync(tenantId, id, cancellationToken);
        if (found.Value is not { } release)
        {
            return found;
        }

        if (!ReleaseRules.CanReview(release.Status))
        {
            return Failure.BadRequest($"Only submitted releases can be reviewed (status is {release.Status.ToWire()})");
        }

        var previous = release.Status;
        release.Status = approve ? ReleaseStatus.Approved : ReleaseStatus.Rejected;
        release.Feedback = feedback;
        release.ReviewedById = reviewer;
        release.ReviewedAt = release.UpdatedAt = Now;
        Job? promotion = null;
        if (approve)
        {
            promotion = Job.Create(JobKinds.PromoteRelease, tenantId, new ReleaseJobPayload(release.Id), Now);
            db.Jobs.Add(promotion);
        }

        var saved = await SaveIfStatusAsync(release, previous, cancellationToken);
        NotifyIf(promotion is null ? [] : [promotion]);
        return saved;
    }

    public async Task<Outcome<(Release Release, ReleaseStatus Previous)>> RevertAsync(Guid tenantId, string id, RevertStatusRequest request, CancellationToken cancellationToken)
    {
        if (!ReleaseStatusNames.TryParse(request.TargetStatus, out var target) || target is not (ReleaseStatus.Submitted or ReleaseStatus.Draft))
        {
            return Failure.BadRequest("targetStatus must be 'submitted' or 'draft'");
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return Failure.BadRequest("reason is required");
        }

        var length = TextLimits.Check(request.Reason, "reason", ReleaseFieldLimits.Reason);
        if (length.Failed)
        {
            return length.Failure;
        }

        var found = await FindAsync(tenantId, id, cancellationToken);
        if (found.Failed)
        {
            return found.Failure;
        }

        var release = found.Value;

        var previous = release.Status;
        if (!ReleaseRules.CanRevert(previous, target))
        {
            return Failure.BadRequest($"A {previous.ToWire()} release cannot be reverted to {target.ToWire()}");
        }

        release.Status = target;
        release.Feedback = request.Reason;
        release.CompletedAt = target == ReleaseStatus.Draft ? null : release.CompletedAt;
        release.UpdatedAt = Now;
        var saved = await SaveIfStatusAsync(release, previous, cancellationToken);
        return saved.Failure is { } failure ? failure : (release, previous);
    }

    public async Task<Outcome<Track>> AddTrackAsync(Guid tenantId, string id, TrackFields fields, CancellationToken cancellationToken)
    {
        var found = await FindAsync(tenantId, id, cancellationToken);
        if (found.Failed)
        {
            return found.Failure;
        }

        var release = found.Value;

        if (!ReleaseRules.IsEditable(release.Status))
        {
            return Failure.BadRequest(ReleaseErrors.NotEditable);
        }

        var last = await db.Tracks.Where(t => t.ReleaseId == release.Id).MaxAsync(t => (int?)t.TrackNumber, cancellationToken) ?? 0;
        var track = NewTrack(release, fields.TrackNumber ?? last + 1);
        var applied = ReleaseFieldRules.Apply(track, fields);
        if (applied.Failed)
        {
            return applied.Failure;
        }

        if (fields.Media is { Count: > 1 })
        {
            return Failure.BadRequest("A track can have only one media");
        }

        db.Tracks.Add(track);
        var jobs = new List<Job>();
        foreach (var link in fields.Media ?? [])
        {
            if (AddLink(tenantId, link, ReleaseKinds.Track, UsageOwners.Track, track.Id, release.Id, jobs).Failure is { } bad)
            {
                return bad;
            }
        }

        db.Jobs.AddRange(jobs);
        await db.SaveChangesAsync(cancellationToken);
        NotifyIf(jobs);
        return track;
    }

    /// <summary>Adds a link media and its usage to the context (not saved), with its validation job.</summary>
    public Outcome<MediaItem> AddLink(Guid tenantId, LinkItem link, IReadOnlySet<MediaKind> kinds, string ownerKind, Guid ownerId, Guid? parentId, List<Job> jobs)
    {
        var created = LinkMedia.Create(tenantId, link, kinds, Now);
        if (created.Value is not { } media)
        {
            return created;
        }

        db.Media.Add(media);
        db.Usages.Add(new MediaUsage { Id = Guid.CreateVersion7(), TenantId = tenantId, MediaId = media.Id, OwnerKind = ownerKind, OwnerId = ownerId, ParentId = parentId, CreatedAt = Now });
        jobs.Add(Job.Create(JobKinds.ValidateLink, tenantId, new MediaJobPayload(media.Id), Now));
        return media;
    }

    public void NotifyIf(IReadOnlyCollection<Job> jobs)
    {
        if (jobs.Count > 0)
        {
            signal.Notify();
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static Track NewTrack(Release release, int number) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = release.TenantId,
        ReleaseId = release.Id,
        TrackNumber = number,
        Title = "",
        CreatedAt = release.UpdatedAt,
        UpdatedAt = release.UpdatedAt,
    };

    /// <summary>Saves only if nobody changed the release's status meanwhile (a concurrent approve, say).</summary>
    private async Task<Outcome<Release>> SaveIfStatusAsync(Release release, ReleaseStatus expected, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await db.Releases.Where(r => r.Id == release.Id).Select(r => r.Status).SingleAsync(cancellationToken);
        if (current != expected)
        {
            return Failure.BadRequest($"Release status changed to {current.ToWire()} meanwhile; try again");
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return release;
    }
}
