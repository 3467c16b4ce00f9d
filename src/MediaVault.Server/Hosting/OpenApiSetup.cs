using MediaVault.Server.OpenApi;
using Microsoft.OpenApi;

namespace MediaVault.Server.Hosting;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>; its description records the choices the seeds leave open.</summary>
public static class OpenApiSetup
{
    private const string Description = """
        MediaVault: a self-hosted, multi-tenant media service.

        **Authentication** on every endpoint: `Authorization: Bearer <JWT>` (HS256; claims `sub`, `tenant`, `permissions`),
        or an API key as `X-API-ID` + `X-API-KEY`, or the same key as `Authorization: Bearer <apiId>.<secret>`.

        **Browser apps (CORS).** Pages on the origins of `Cors:AllowedOrigins` (none by default) may call `/releases`,
        `/rest/api`, `/v2/media` (including the signed `uploadUrl`), `/uploads` and `/files`. Preflights (`OPTIONS` with
        `Origin` and `Access-Control-Request-Method`) need no credentials and are answered 204 on every one of these paths,
        granting the methods and headers the surface uses (`Authorization`, `X-API-ID`, `X-API-KEY`, `Content-Type`,
        `X-Flowkiwi-Organization-Id`, `If-None-Match`, `If-Match`, `Range`, and tus's own headers on `/uploads`) for two
        hours (`Access-Control-Max-Age: 7200`); from any other origin they grant nothing, which browsers treat as refusal.
        Answers expose `ETag`, `Location`, `Link`, `Content-Disposition`, `WWW-Authenticate` and `Retry-After`; tus
        answers every `Upload-*` and `Tus-*` header; `/files` `Content-Range`, `Content-Disposition`, `ETag`,
        `Accept-Ranges`, `Content-Length`. No cookies are used, so there is no credentials mode: send the token in
        `Authorization`. A tenant may narrow the list (`tenants origins <key> …`): its requests' answers then carry
        `Access-Control-Allow-Origin` only for its origins (preflights cannot know the tenant and use the deployment's list).

        **HTTP** on every surface: `HEAD` is answered on every `GET` route (same status and headers, no body). Every 401
        carries `WWW-Authenticate: Bearer realm="MediaVault"` (with `error="invalid_token"` when the credentials sent are
        invalid, expired or revoked; the body keeps the surface's error shape). JSON answers (`application/json`,
        `application/ld+json`, `application/problem+json`) are compressed with Brotli or gzip as `Accept-Encoding` asks;
        media bytes under `/files` never are. A `GET` of a resource or a list answers a weak `ETag` of its exact JSON,
        `Cache-Control: private, no-cache` and `Vary: Accept, Accept-Encoding, Authorization, X-API-ID, X-API-KEY`
        (plus `X-Flowkiwi-Organization-Id` on the catalog); `If-None-Match` with that tag is 304 with no body. Signed URLs
        in answers keep one expiry per 5-minute window (`Delivery:UrlExpiryWindow`), so an unchanged resource read again
        within the window is 304.
        Any request may answer 507 (in its surface's error shape) when the disk under the database or the storage is
        full: nothing of the request was kept and a retry later may succeed.

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
          `failureReason` (a plain sentence) and `failureCode` (a stable code), `storage` (temporary|permanent), `mediaType` (release|track) and every extracted field.
          `bitrate` is in kbit/s; `bitrate`, `sampleRate`, `channels`, `codec` and `bitDepth` (PCM and lossless audio only) are strings; `duration` is seconds.
          Fields not known yet (`processedAt` before processing, anything not measured for the file) are left out, never null.
        - `releasePath` is the staged object's storage key (tenant and media ids only, never the file name).
        - `cloudUrl` is a signed URL served by `/files/{mediaId}` that expires (1 h for staged media, 24 h for permanent).
        - `metadata.renditions` lists derived files (thumbnails, poster frame, cover art, waveform) with signed URLs.

        **Catalog media** (`/rest/api`) follows the product catalogue reference: JSON-LD (`application/ld+json`, or
        `application/json` when only that is accepted) and `application/problem+json` errors with `@context`, `@id`, `@type`,
        `type`, `title`, `status`, `detail` (400/404 add `instance`; a permission 403 adds `missingPermissions`; 422 adds
        `violations` with `propertyPath`). Decisions:
        - Linked data in API Platform's shape: each class has its JSON-LD context at `/rest/api/contexts/{class}` (Entrypoint,
          Media, Product, Variant, Error, ConstraintViolationList) with an absolute `@vocab` (`/rest/api/docs.jsonld#`, the Hydra
          API documentation, which defines every term under it), the `hydra` prefix, links typed `@id` (`medias`, `variants`,
          `product`, `hydra:first/last/next/previous`) and schema.org terms (`contentUrl`, `mimeType` → `encodingFormat`, `hash` →
          `sha256`, `width`, `height`, `name`, `sku`, `description`, `medias` → `image`, `product` → `isVariantOf`, `variants` →
          `hasVariant`, `createdAt`/`updatedAt` → `dateCreated`/`dateModified`). The reference types `@context` as an object
          (API Platform's schema allows an IRI string or an object), so documents keep an object: the class's context embedded,
          identical to the served one plus an absolute `@base`, so a document saved to a file still resolves its relative `@id`s.
          Every construct is JSON-LD 1.0, readable in either processing mode without fetching anything from another host.
        - `/rest/api` (the Hydra entrypoint), `/rest/api/docs.jsonld` (`hydra:ApiDocumentation` with each class, its properties
          and operations) and the contexts need no credentials nor organization header: they hold no organization's data.
        - Every `/rest/api` answer, errors and 204 included, carries
          `Link: <{origin}/rest/api/docs.jsonld>; rel="http://www.w3.org/ns/hydra/core#apiDocumentation"` and `Vary: Accept`.
        - Content negotiation: `application/ld+json` or `application/json` (the same document; JSON-LD is JSON) by `Accept`
          quality, ld+json when equal, absent or `*/*`; an `Accept` allowing neither is 406, checked before credentials and
          before any upload is read.
        - Problems add `hydra:title` and `hydra:description` (equal to `title` and `detail`) as API Platform's JSON-LD errors do;
          `@type` is `hydra:Error`. Validation errors (422, and a 400 for a value past its length) are a `ConstraintViolationList`
          whose `violations` entries have `propertyPath`, `message` and `code` (Symfony Validator's constraint UUID where the rule
          is one of its constraints, else `mediavault:item-not-found` / `mediavault:invalid`). A value of the wrong JSON type
          stays a plain 400 `hydra:Error`, as API Platform answers a denormalization error.
        - `X-Flowkiwi-Organization-Id` is required (400 when missing) and must be the token's `tenant` or one of its `orgs` (403).
        - Permissions: `media:read` to list/get medias, `media:write` to upload, `media:delete` to delete;
          `catalog:read`/`catalog:write` for products and variants.
        - Uploads (multipart field `file`) are limited to 5 MB for images and files and 100 MB for video (`Catalog__MaxFileBytes`,
          `Catalog__MaxVideoBytes`), checked while streaming; every bad upload is 400 "Invalid input".
        - Deleting a media that a product, variant or release still references is refused with 409 and `referencedBy` (their IRIs).
          The reference only asks clients to check first; MediaVault makes it impossible to get wrong.
        - `medias` of products and variants accept only image media of the same tenant (else 422 naming `medias[i]`); the order is kept.
        - `itemsPerPage` defaults to 30, at most 100.

        **Library media** (`/v2/media`) follows the social publishing reference. Errors are `{"success": false, "message", "error": code}`.
        - Create answers 201 with `id`, `mediaLibId` (same value), `status: PROCESSING`, `uploadUrl`, `uploadExpiresAt` (15 minutes).
        - The `uploadUrl` is `PUT /v2/media/{id}/upload?…` signed over the media id, declared size and expiry; it needs no credentials.
          More bytes than declared: 413, nothing kept; after a complete upload: 409. A short upload can be repeated while the URL is valid.
        - Confirm (`PATCH`, no body) checks size, the optional `sha256`, and that the sniffed kind (image, video, audio, document)
          matches the declared type; the stored `type` becomes the sniffed MIME type.
        - Get answers the media object at the top level (no envelope); `ERROR` carries `reason` and `failureCode`.
        - Our addition `GET /v2/media` answers `{success, data: [media], pagination: {page, limit, total, totalPages}}`.
        - Permissions: `media:read`, `media:write` (create, confirm), `media:delete`.
        """;

    public static IServiceCollection AddMediaVaultOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo { Title = "MediaVault", Version = "v1", Description = Description };
                foreach (var server in document.Servers ?? [])
                {
                    server.Url = server.Url?.TrimEnd('/');
                }

                document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
                SecuritySchemes.AddTo(document);
                AnyJsonSchemas.Simplify(document);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(SurfaceOperationTransformer.TransformAsync);
            options.AddOperationTransformer(HttpCachingOperationTransformer.TransformAsync);
            options.AddSchemaTransformer(IntegerSchemaTransformer.TransformAsync);
        });
        return services;
    }

    private static readonly (string Name, string Description)[] Tags =
    [
        ("Releases", "Releases and tracks, as the releases API reference documents them. Errors `{status, message}`."),
        ("Release Media", "Files and links of a release and its tracks. Errors `{status, message}`."),
        ("Catalog Documentation", "The Hydra entrypoint, API documentation and JSON-LD contexts of the catalogue. No credentials."),
        ("Catalog Media", "Catalogue media in JSON-LD; errors are problem documents. Needs `X-Flowkiwi-Organization-Id`."),
        ("Catalog Products", "Catalogue products in JSON-LD; errors are problem documents. Needs `X-Flowkiwi-Organization-Id`."),
        ("Catalog Variants", "Catalogue variants in JSON-LD; errors are problem documents. Needs `X-Flowkiwi-Organization-Id`."),
        ("Library Media", "The workspace media library: create, upload through a signed URL, confirm. Errors `{success: false, message, error}`."),
        ("Resumable uploads (tus)", "tus 1.0.0 (creation, creation-with-upload, creation-defer-length, termination, checksum, expiration). Errors are plain text."),
        ("Delivery", "Bytes behind signed, expiring URLs; no credentials."),
        ("Web Page", "What the web page at `/` needs beyond the public surfaces."),
    ];
}
