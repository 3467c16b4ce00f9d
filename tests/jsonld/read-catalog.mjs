// Reads MediaVault's catalogue with stock linked-data tools, unmodified: the jsonld processor (expand, compact and
// canonize in both processing modes, contexts loaded from the server) and API Platform's api-doc-parser.
// Usage: node read-catalog.mjs <origin> <request headers as JSON> <context name>=<document path>...
// A document may also be "<context name>=POST <path> <JSON body>" (to read a validation error).
// Prints one JSON line: what was read and every problem found ({"problems": [...]}); exits 1 when there is one.
import jsonld from "jsonld";
import { parseHydraDocumentation } from "@api-platform/api-doc-parser";

const [origin, headersJson, ...documents] = process.argv.slice(2);
const started = Date.now();
const headers = JSON.parse(headersJson);
const modes = ["json-ld-1.0", "json-ld-1.1"];
const known = [
  "http://www.w3.org/ns/hydra/core#",
  "https://schema.org/",
  "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  "http://www.w3.org/2000/01/rdf-schema#",
  "http://www.w3.org/2001/XMLSchema#",
  "http://www.w3.org/2002/07/owl#",
];
const problems = [];
const loaded = [];

const cache = new Map();

// Every context and document comes from the server under test; anything else (w3.org, schema.org) is a failure.
// Each is fetched once, as a caching client would.
function documentLoader(url) {
  if (!url.startsWith(origin + "/")) {
    return Promise.reject(new Error(`the processor tried to load ${url}, which is not on the server`));
  }

  if (!cache.has(url)) {
    cache.set(url, (async () => {
      const response = await fetch(url, { headers: { Accept: "application/ld+json" } });
      if (!response.ok) {
        throw new Error(`loading ${url} answered ${response.status}`);
      }

      loaded.push(url);
      return { contextUrl: null, documentUrl: url, document: await response.json() };
    })());
  }

  return cache.get(url);
}

async function read(request) {
  const [, method, path, body] = /^(?:(POST) (\S+) (.*)|(\S+))$/s.exec(request) ?? [];
  const target = method ? path : request;
  const response = await fetch(origin + target, {
    method: method ?? "GET",
    headers: { Accept: "application/ld+json", ...headers, ...(method ? { "Content-Type": "application/ld+json" } : {}) },
    body: method ? body : undefined,
  });
  return { path: target, response, body: await response.json() };
}

function absolute(iri) {
  return /^[a-z][a-z0-9+.-]*:/i.test(iri);
}

// Every property and type IRI in an expanded document.
function iris(node, found = new Set()) {
  if (Array.isArray(node)) {
    node.forEach((item) => iris(item, found));
  } else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "@type") {
        [].concat(value).forEach((type) => found.add(type));
      } else if (!key.startsWith("@")) {
        found.add(key);
      }

      if (key !== "@value") {
        iris(value, found);
      }
    }
  }

  return found;
}

async function nquads(document, options) {
  return jsonld.canonize(document, { algorithm: "URDNA2015", format: "application/n-quads", documentLoader, ...options });
}

// The vocabulary: the documentation the contexts' @vocab points at must answer, and define every term used under it.
const docsUrl = `${origin}/rest/api/docs.jsonld`;
const vocab = docsUrl + "#";
const docsResponse = await fetch(docsUrl, { headers: { Accept: "application/ld+json" } });
if (docsResponse.status !== 200) {
  problems.push(`the vocabulary ${docsUrl} answered ${docsResponse.status}`);
}

const defined = new Set();
for (const mode of modes) {
  const docs = await jsonld.expand(docsUrl, { documentLoader, processingMode: mode });
  for (const supportedClass of docs[0]?.["http://www.w3.org/ns/hydra/core#supportedClass"] ?? []) {
    defined.add(supportedClass["@id"]);
    for (const property of supportedClass["http://www.w3.org/ns/hydra/core#supportedProperty"] ?? []) {
      defined.add(property["http://www.w3.org/ns/hydra/core#property"]?.[0]?.["@id"]);
    }
  }
}

const reads = {};
for (const document of documents) {
  const [contextName, request] = document.split(/=(.*)/s);
  const { path, response, body } = await read(request);
  void path;
  const url = origin + path;
  const summary = { status: response.status, contentType: response.headers.get("content-type") };
  for (const mode of modes) {
    const options = { documentLoader, processingMode: mode };
    try {
      // As a file: no base IRI given, only what the document says.
      const expanded = await jsonld.expand(body, options);
      for (const iri of iris(expanded)) {
        if (!absolute(iri)) {
          problems.push(`${path} (${mode}): ${iri} did not expand to an absolute IRI`);
        } else if (iri.startsWith(vocab)) {
          if (!defined.has(iri)) {
            problems.push(`${path} (${mode}): ${iri} is not defined in the API documentation`);
          }
        } else if (!known.some((ns) => iri.startsWith(ns))) {
          problems.push(`${path} (${mode}): ${iri} is in no known vocabulary`);
        }
      }

      const withBase = await nquads(body, { ...options, base: url });
      const withoutBase = await nquads(body, options);
      if (withBase.length === 0 || withBase !== withoutBase) {
        problems.push(`${path} (${mode}): the document reads differently with and without its URL as base`);
      }

      // Compact with the document's own context, then with the context served at its IRI: the same graph both ways.
      const compacted = await jsonld.compact(body, body["@context"], { ...options, base: url });
      if ((await nquads(compacted, { ...options, base: url })) !== withBase) {
        problems.push(`${path} (${mode}): compacting with its own context changed the graph`);
      }

      // Absolute IRIs: jsonld.js relativises against a base without a trailing slash as if it were a folder.
      const served = await documentLoader(`${origin}/rest/api/contexts/${contextName}`);
      const remote = await jsonld.compact(body, served.documentUrl, { ...options, base: url, compactToRelative: false });
      if ((await nquads(remote, { ...options, base: url })) !== withBase) {
        problems.push(`${path} (${mode}): compacting with the served context changed the graph`);
      }

      // API Platform's own form, "@context": "<context IRI>", reads as the same graph.
      const byIri = await nquads({ ...body, "@context": served.documentUrl }, { ...options, base: url });
      if (byIri !== withBase) {
        problems.push(`${path} (${mode}): the document with its context by IRI reads differently`);
      }

      summary[mode] = { nquads: withBase };
    } catch (error) {
      problems.push(`${path} (${mode}): ${error.message ?? error}`);
    }
  }

  reads[document] = summary;
}

// Hydra: API Platform's parser finds the resources and their fields from the entrypoint's Link header.
let resources = {};
try {
  const { api } = await parseHydraDocumentation(`${origin}/rest/api`);
  resources = Object.fromEntries(api.resources.map((r) => [r.title, {
    url: r.url,
    fields: r.fields.map((f) => f.name),
    references: Object.fromEntries(r.fields.filter((f) => f.reference).map((f) => [f.name, f.reference.title])),
    operations: r.operations.map((o) => `${o.method} ${o.type}`),
  }]));
} catch (failure) {
  problems.push(`api-doc-parser: ${failure.error?.message ?? failure.message ?? JSON.stringify(failure)}`);
}

// Exit once the line is flushed to the pipe: open keep-alive connections would hold the process for 30 s otherwise.
const line = JSON.stringify({ problems, resources, loaded: [...new Set(loaded)], reads, milliseconds: Date.now() - started });
process.stdout.write(line + "\n", () => process.exit(problems.length === 0 ? 0 : 1));
