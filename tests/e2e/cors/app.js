// The cross-origin page of cors.e2e.mjs, bundled by esbuild: stock Uppy (@uppy/core + @uppy/tus) and fetch against
// a MediaVault server on another origin. Each function returns plain data for the test to check.
import Uppy from '@uppy/core';
import Tus from '@uppy/tus';

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** A sample file, fetched from this page's own origin. */
async function sample(name) {
  const response = await fetch(`/samples/${name}`);
  if (!response.ok) throw new Error(`sample ${name}: ${response.status}`);
  return new File([await response.blob()], name, { type: response.headers.get('Content-Type') });
}

/** Uppy with the tus plugin at /uploads, the token in the Authorization header, in 8 KiB chunks (several PATCHes). */
async function uploadWithUppy({ api, token, name }) {
  const file = await sample(name);
  const auth = { Authorization: `Bearer ${token}` };
  const uppy = new Uppy({ autoProceed: false });
  uppy.use(Tus, { endpoint: `${api}/uploads`, headers: auth, chunkSize: 8 * 1024, retryDelays: [] });
  uppy.addFile({ name, type: file.type, data: file });
  const result = await uppy.upload();
  if (result.successful?.length !== 1) {
    return { ok: false, errors: (result.failed ?? []).map(f => String(f.error?.message ?? f.error)) };
  }

  const uploadUrl = result.successful[0].tus?.uploadUrl ?? result.successful[0].uploadURL;
  // HEAD reads the upload's state from headers only a CORS exposure makes visible to this script.
  const head = await fetch(uploadUrl, { method: 'HEAD', headers: { ...auth, 'Tus-Resumable': '1.0.0' } });
  return {
    ok: true,
    uploadUrl,
    headStatus: head.status,
    mediaId: head.headers.get('Upload-Media-Id'),
    offset: head.headers.get('Upload-Offset'),
    length: head.headers.get('Upload-Length'),
  };
}

/** The library flow: create → PUT the bytes to uploadUrl → PATCH to confirm → poll until processed. */
async function libraryFlow({ api, token, name }) {
  const file = await sample(name);
  const auth = { Authorization: `Bearer ${token}` };
  try {
    const created = await fetch(`${api}/v2/media`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, type: file.type, fileSize: file.size }),
    });
    const media = await created.json();
    const put = await fetch(media.uploadUrl, { method: 'PUT', headers: { 'Content-Type': file.type }, body: file });
    const confirm = await fetch(`${api}/v2/media/${media.id}`, { method: 'PATCH', headers: auth });
    let item = await confirm.json();
    for (const deadline = Date.now() + 45_000; item.status === 'PROCESSING' && Date.now() < deadline; await sleep(250)) {
      item = await (await fetch(`${api}/v2/media/${media.id}`, { headers: auth })).json();
    }

    return { ok: true, id: media.id, created: created.status, put: put.status, confirm: confirm.status, status: item.status, path: item.path };
  } catch (error) {
    return { ok: false, error: `${error.name}: ${error.message}` };
  }
}

/** Plays a signed URL in a <video crossorigin="anonymous"> (a CORS-mode media fetch) until it has data. */
async function play(url) {
  const video = document.createElement('video');
  video.muted = true;
  video.crossOrigin = 'anonymous';
  video.preload = 'auto';
  document.body.append(video);
  const ready = new Promise((resolve, reject) => {
    video.addEventListener('loadeddata', resolve, { once: true });
    video.addEventListener('error', () => reject(new Error(`video error ${video.error?.code}: ${video.error?.message}`)), { once: true });
    setTimeout(() => reject(new Error('no loadeddata within 20 s')), 20_000);
  });
  video.src = url;
  await ready;
  await video.play();
  return { width: video.videoWidth, height: video.videoHeight, duration: video.duration, readyState: video.readyState };
}

/** A ranged read of a signed URL, reading the headers /files exposes. */
async function readRange(url) {
  const response = await fetch(url, { headers: { Range: 'bytes=0-15' } });
  return {
    status: response.status,
    contentRange: response.headers.get('Content-Range'),
    etag: response.headers.get('ETag'),
    acceptRanges: response.headers.get('Accept-Ranges'),
    bytes: (await response.arrayBuffer()).byteLength,
  };
}

Object.assign(window, { uploadWithUppy, libraryFlow, play, readRange });
document.documentElement.dataset.ready = 'true';
