// One place that talks to the JSON APIs: adds the credentials and turns every error shape into an ApiError.
import { authHeaders } from './session.js';

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/** The human message in any of the surfaces' error bodies (library, releases, catalog problem+json). */
export function messageOf(body, status) {
  if (body && typeof body === 'object') {
    return body.message || body.detail || body.title || body.error || `Request failed (${status})`;
  }

  return (typeof body === 'string' && body.trim()) || `Request failed (${status})`;
}

export async function api(path, { method = 'GET', json, headers = {}, signal } = {}) {
  const init = { method, headers: { ...authHeaders(), ...headers }, signal };
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  }

  const response = await fetch(path, init);
  const text = response.status === 204 ? '' : await response.text();
  const body = parse(text);
  if (!response.ok) throw new ApiError(response.status, messageOf(body, response.status), body);
  return body;
}

/**
 * Sends a body with XMLHttpRequest, whose upload events give progress (fetch has none).
 * Resolves {status, body, header(name)}; rejects ApiError on an error status and TypeError on a network failure.
 */
export function send(method, url, body, { headers = {}, auth = true, onProgress, signal } = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    for (const [name, value] of Object.entries({ ...(auth ? authHeaders() : {}), ...headers })) xhr.setRequestHeader(name, value);
    if (onProgress) xhr.upload.onprogress = e => onProgress(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.onload = () => {
      const parsed = parse(xhr.responseText);
      const result = { status: xhr.status, body: parsed, header: name => xhr.getResponseHeader(name) };
      if (xhr.status >= 200 && xhr.status < 300) resolve(result);
      else reject(new ApiError(xhr.status, messageOf(parsed, xhr.status), parsed));
    };
    xhr.onerror = () => reject(new TypeError('The network connection was lost'));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

function parse(text) {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
