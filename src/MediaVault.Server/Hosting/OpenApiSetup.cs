using Microsoft.OpenApi;

namespace MediaVault.Server.Hosting;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>; its description records the choices the seeds leave open.</summary>
public static class OpenApiSetup
{
    private const string Description = """
        MediaVault: a self-hosted, multi-tenant media service.

        **Authentication** on every endpoint: `Authorization: Bearer <JWT>` (HS256; claims `sub`, `tenant`, `permissions`),
        or an API key as `X-API-ID` + `X-API-KEY`, or the same key as `Authorization: Bearer <apiId>.<secret>`.

        **Release media** (`/releases`) follows the releases API reference. Decisions where it is silent:
        - Success envelope `{success, data, message}`; errors `{"status": "error", "message"}` with 400/401/403/404/500.
        - Release and track ids are UUIDs; anything else is 400. Another tenant's release is 404.
        - Permissions: `releases:read` for reads; `releases:write` for create, update, submit, tracks and all media changes;
          `releases:review` for review/approve/reject/revert-status. `admin` implies all.
        - `POST /releases` answers 201; `POST /releases/{id}/media/files` 201 (as the seed); links and track media 200 (as the reference).
        - Uploads are all-or-nothing per request: if any file is empty, too large or not an allowed media type (sniffed from
          its bytes, never from its name), the request is 400 and nothing is stored.
        - Submit is allowed from `draft` and `rejected` (resubmission); a release needs no tracks to be submitted.
        - Approval enqueues a durable job that moves every file to permanent storage; the release then becomes `completed`,
          `releasePath` becomes null and `cloudUrl` points at the permanent copy.
        - `metadata` carries, besides the seed's fields, `sha256`, `uploadedAt`, `state` (pending|uploaded|processing|ready|failed),
          `failureReason`, `storage` (temporary|permanent), `mediaType` (release|track) and every extracted field.
          `bitrate` is in kbit/s; `bitrate`, `sampleRate`, `channels`, `codec` are strings; `duration` is seconds.
        - `releasePath` is the staged object's storage key (tenant and media ids only, never the file name).
        - `cloudUrl` is a signed URL served by `/files/{mediaId}` that expires (1 h for staged media, 24 h for permanent).
        """;

    public static IServiceCollection AddMediaVaultOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo { Title = "MediaVault", Version = "v1", Description = Description };
            return Task.CompletedTask;
        }));
        return services;
    }
}
