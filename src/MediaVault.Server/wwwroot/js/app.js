// Entry point: sign-in, the hash routes (#library, #releases, #release/{id}) and library uploads by picker or drop.
import { toast } from './dom.js';
import { initDetail, openDetail } from './detail.js';
import { initLibrary, reloadLibrary, removeCard, stateLabel, stateOf, upsert } from './library.js';
import { initReleases, showRelease, showReleases, uploadIntoRelease } from './releases.js';
import { can, resume, session, signIn, signOut } from './session.js';
import { unfinishedUploads } from './tus.js';
import { runAll, uploadRow, uploadToLibrary } from './uploads.js';

const views = ['sign-in-view', 'library-view', 'releases-view', 'release-view'].map(id => document.getElementById(id));
const signInForm = document.getElementById('sign-in-form');
const fileInput = document.getElementById('file-input');

function show(id) {
  for (const view of views) view.hidden = view.id !== id;
}

async function route() {
  if (!session()) {
    show('sign-in-view');
    return;
  }

  const hash = location.hash.slice(1);
  const [name, id] = hash.split('/');
  for (const link of document.querySelectorAll('#nav a')) {
    const active = link.dataset.view === (name === 'release' ? 'releases' : name || 'library');
    if (active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }

  if (name === 'releases') {
    show('releases-view');
    await showReleases();
  } else if (name === 'release' && id) {
    show('release-view');
    await showRelease(id);
  } else {
    show('library-view');
  }
}

function signedIn(current) {
  document.getElementById('tenant-name').textContent = current.tenant;
  document.getElementById('who').hidden = false;
  document.getElementById('who').title = `Signed in as ${current.subject || 'an API key'} (${current.permissions.join(', ')})`;
  document.getElementById('nav').hidden = false;
  document.getElementById('upload-button').hidden = !can('media:write');
  showUnfinished();
  reloadLibrary().catch(error => toast(error.message));
}

function showUnfinished() {
  const names = unfinishedUploads();
  const element = document.getElementById('resumable');
  element.hidden = names.length === 0;
  element.textContent = names.length ? `Unfinished uploads that resume when you pick the same file again: ${names.join(', ')}.` : '';
}

signInForm.addEventListener('change', () => {
  const mode = signInForm.mode.value;
  for (const block of signInForm.querySelectorAll('[data-mode]')) block.hidden = block.dataset.mode !== mode;
});

signInForm.addEventListener('submit', async e => {
  e.preventDefault();
  const error = document.getElementById('sign-in-error');
  error.textContent = '';
  const candidate = signInForm.mode.value === 'token'
    ? { token: signInForm.token.value.trim() }
    : { id: signInForm.apiId.value.trim(), key: signInForm.apiKey.value };
  if (!(candidate.token || (candidate.id && candidate.key))) {
    error.textContent = 'Enter a token, or an API key ID and secret.';
    return;
  }

  try {
    signedIn(await signIn(candidate));
    signInForm.reset();
    await route();
    document.getElementById('main').focus();
  } catch (failure) {
    error.textContent = failure.message;
  }
});

document.getElementById('sign-out').addEventListener('click', () => {
  signOut();
  document.getElementById('who').hidden = true;
  document.getElementById('nav').hidden = true;
  location.hash = '';
  route();
});

async function uploadFiles(files) {
  if (!can('media:write') || files.length === 0) return;
  const list = document.getElementById('uploads');
  await runAll(files.map(file => async () => {
    const row = uploadRow(list, file);
    try {
      const item = await uploadToLibrary(file, row);
      row.set('processing', stateLabel(stateOf(item)));
      const final = await upsert(item);
      const state = stateOf(final);
      if (state === 'failed') row.fail(final.reason || 'Processing failed', 'Failed');
      else row.set(state, stateLabel(state));
    } catch (error) {
      row.fail(error.message);
    }
  }));
  showUnfinished();
}

document.getElementById('upload-button').addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', () => {
  uploadFiles([...fileInput.files]);
  fileInput.value = '';
});

// Drop anywhere on the library view; elsewhere the browser must not navigate to the dropped file.
let dragDepth = 0;
window.addEventListener('dragenter', e => {
  if (!e.dataTransfer?.types.includes('Files')) return;
  dragDepth++;
  document.body.classList.add('dragging');
});
window.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) document.body.classList.remove('dragging');
});
window.addEventListener('dragover', e => e.preventDefault());
window.addEventListener('drop', e => {
  e.preventDefault();
  dragDepth = 0;
  document.body.classList.remove('dragging');
  const files = [...(e.dataTransfer?.files ?? [])];
  if (!document.getElementById('library-view').hidden) uploadFiles(files);
  else if (!document.getElementById('release-upload').closest('[hidden]')) uploadIntoRelease(files);
  else if (files.length) toast('Open the library, or a draft or rejected release, to upload.');
});

initLibrary({ onOpen: openDetail });
initDetail({ deleted: id => removeCard(id) });
initReleases();
window.addEventListener('hashchange', route);

if (await resume()) signedIn(session());
await route();
// Marks the page as wired up, for tests and for anyone scripting it.
document.documentElement.dataset.ready = 'true';
