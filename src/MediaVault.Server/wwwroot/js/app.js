// Entry point: sign-in, the hash routes (#library, #archived, #releases, #release/{id}, each with a query that keeps
// filters and the open media) and library uploads by picker or drop.
import { initBulk, selectionChanged } from './bulk.js';
import { closeDetail, initDetail, openDetail } from './detail.js';
import { formatBytes, h, toast } from './dom.js';
import { failureMessage } from './failures.js';
import { initLibrary, refreshTags, removeCard, showLibrary, stateLabel, stateOf, updated, upsert } from './library.js';
import { initReleases, showRelease, showReleases, uploadIntoRelease } from './releases.js';
import { can, resume, session, signIn, signOut } from './session.js';
import { discardUpload, unfinishedUploads } from './tus.js';
import { initQueue, uploadRow, uploadToLibrary } from './uploads.js';
import { readLocation } from './urlstate.js';

const views = ['sign-in-view', 'library-view', 'releases-view', 'release-view'].map(id => document.getElementById(id));
const signInForm = document.getElementById('sign-in-form');
const fileInput = document.getElementById('file-input');

function show(id) {
  for (const view of views) view.hidden = view.id !== id;
}

async function route() {
  if (!session()) {
    closeDetail();
    show('sign-in-view');
    return;
  }

  const { view: name, id, params } = readLocation();
  for (const link of document.querySelectorAll('#nav a')) {
    const active = link.dataset.view === (name === 'release' ? 'releases' : name);
    if (active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }

  if (name === 'releases' && can('releases:read')) {
    show('releases-view');
    await showReleases();
  } else if (name === 'release' && id && can('releases:read')) {
    show('release-view');
    await showRelease(id);
  } else {
    show('library-view');
    await showLibrary();
  }

  const media = params.get('media');
  if (media) openDetail(media);
  else closeDetail();
}

function signedIn(current) {
  document.getElementById('tenant-name').textContent = current.tenant;
  document.getElementById('who').hidden = false;
  document.getElementById('who').title = `Signed in as ${current.subject || 'an API key'} (${current.permissions.join(', ')})`;
  document.getElementById('nav').hidden = false;
  document.getElementById('nav-releases').hidden = !can('releases:read');
  // Without write or delete there is nothing to do with a selection: no checkboxes.
  document.body.classList.toggle('read-only', !can('media:write') && !can('media:delete'));
  showUnfinished();
}

/** Uploads interrupted earlier (by a reload or a closed tab): resume by picking the same file, or discard. */
function showUnfinished() {
  const list = document.getElementById('resumable');
  const found = can('media:write') ? unfinishedUploads() : [];
  list.hidden = found.length === 0;
  list.replaceChildren(...(found.length ? [h('p', {}, 'Interrupted uploads. Pick the same file to continue where it stopped, or discard it:')] : []),
    ...found.map(upload => h('div', { class: 'pending-upload', dataset: { name: upload.name } },
      h('span', {}, `${upload.name} (${formatBytes(upload.size)})`),
      h('button', { type: 'button', class: 'button small', 'aria-label': `Resume ${upload.name}: pick the file`, onclick: () => fileInput.click() }, 'Pick file to resume'),
      h('button', {
        type: 'button', class: 'button small', 'aria-label': `Discard ${upload.name}`, onclick: async () => {
          await discardUpload(upload.key);
          showUnfinished();
          toast(`Discarded the unfinished upload of ${upload.name}`);
        },
      }, 'Discard'))));
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

function uploadFiles(files) {
  if (!can('media:write') || files.length === 0) return;
  const list = document.getElementById('uploads');
  for (const file of files) {
    uploadRow(list, file, async (row, signal) => {
      try {
        const item = await uploadToLibrary(file, row, signal);
        row.set('processing', stateLabel(stateOf(item)));
        const final = await upsert(item);
        if (stateOf(final) === 'failed') row.fail(failureMessage(final.failureCode), 'Failed');
        else row.set(stateOf(final), stateLabel(stateOf(final)));
      } finally {
        showUnfinished();
      }
    });
  }

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
  if (!document.getElementById('library-view').hidden && readLocation().view !== 'archived') uploadFiles(files);
  else if (!document.getElementById('release-upload').closest('[hidden]')) uploadIntoRelease(files);
  else if (files.length) toast('Open the library, or a draft or rejected release, to upload.');
});

// Messages shown inside a dialog (to be above it) go back to the page when it closes, still showing.
for (const dialog of document.querySelectorAll('dialog')) {
  dialog.addEventListener('close', () => {
    for (const message of dialog.querySelectorAll('#toast, #undo')) {
      const open = message.matches(':popover-open');
      document.body.append(message);
      if (open) message.showPopover();
    }
  });
}

initLibrary({ onOpen: openDetail, onSelection: selectionChanged });
initBulk();
initQueue(document.getElementById('upload-queue'));
initQueue(document.getElementById('release-upload-queue'));
initDetail({
  deleted: id => { removeCard(id); refreshTags(); },
  updated: item => { updated(item); refreshTags(); },
});
initReleases({ onOpen: openDetail });
window.addEventListener('hashchange', route);

if (await resume()) signedIn(session());
await route();
// Marks the page as wired up, for tests and for anyone scripting it.
document.documentElement.dataset.ready = 'true';
