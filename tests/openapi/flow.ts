// A client's create/upload/list flow against the typed client generated from /openapi/v1.json
// (openapi-typescript + openapi-fetch). OpenApiDocumentTests only compiles it (tsc --noEmit): if the document
// loses a body, a parameter or a response shape, this stops compiling.
import createClient from "openapi-fetch";
import type { paths } from "./generated/mediavault";

export async function libraryFlow(baseUrl: string, token: string, file: Blob): Promise<string[]> {
  const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });

  const created = await client.POST("/v2/media", { body: { name: "photo.png", type: "image/png", fileSize: file.size } });
  if (!created.data) {
    throw new Error(created.error?.message ?? "create failed");
  }

  // The upload URL is signed; it needs no credentials.
  const uploaded = await fetch(created.data.uploadUrl, { method: "PUT", body: file });
  if (!uploaded.ok) {
    throw new Error(`upload failed: ${uploaded.status}`);
  }

  const confirmed = await client.PATCH("/v2/media/{mediaId}", { params: { path: { mediaId: created.data.id } } });
  if (confirmed.error) {
    throw new Error(`${confirmed.error.error}: ${confirmed.error.message}`);
  }

  const status: string = confirmed.data.status;
  const page = await client.GET("/v2/media", { params: { query: { limit: "20", status } } });
  return (page.data?.data ?? []).map((media) => media.id);
}

export async function releaseFlow(baseUrl: string, token: string, file: Blob): Promise<number> {
  const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });

  const created = await client.POST("/releases", { body: { title: "First light", format: "single", type: "audio" } });
  const id = created.data?.data?.id;
  if (!id) {
    throw new Error(created.error?.message ?? "create failed");
  }

  const form = new FormData();
  form.append("files", file, "cover.png");
  const uploaded = await client.POST("/releases/{id}/media/files", {
    params: { path: { id: String(id) } },
    body: { files: [] },
    bodySerializer: () => form,
  });
  if (uploaded.error) {
    throw new Error(`${uploaded.error.status}: ${uploaded.error.message}`);
  }

  const listed = await client.GET("/releases/{id}/media", { params: { path: { id: String(id) } } });
  return listed.data?.data?.length ?? 0;
}

export async function catalogFlow(baseUrl: string, token: string, organization: string, file: Blob): Promise<number> {
  const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
  const header = { "X-Flowkiwi-Organization-Id": organization };

  const form = new FormData();
  form.append("file", file, "photo.png");
  const uploaded = await client.POST("/rest/api/medias", { params: { header }, body: { file: "" }, bodySerializer: () => form });
  if (!uploaded.data) {
    throw new Error(uploaded.error?.detail ?? "upload failed");
  }

  const product = await client.POST("/rest/api/products", { params: { header }, body: { name: "Lamp", sku: "L-1", medias: [uploaded.data["@id"]] } });
  if (product.error) {
    throw new Error(product.error.violations?.map((v) => v.propertyPath).join(", ") ?? product.error.detail);
  }

  const listed = await client.GET("/rest/api/medias", { params: { header, query: { page: 1, itemsPerPage: 30 } } });
  return listed.data?.["hydra:totalItems"] ?? 0;
}
