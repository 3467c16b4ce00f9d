// Small DOM and formatting helpers shared by every view.

/** Builds an element: h('li', {class: 'card', dataset: {id}}, child, 'text'). Null children are skipped. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name in element && name !== 'list' && name !== 'type') element[name] = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false));
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

/** An icon from the inline set in index.html. */
export function icon(name) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  const use = document.createElementNS(SVG, 'use');
  use.setAttribute('href', `#i-${name}`);
  svg.append(use);
  return svg;
}

/** A waveform drawn from audiowaveform JSON (min/max pairs) as one SVG path. */
export function waveform(data) {
  const pairs = Math.floor((data.data?.length ?? 0) / 2);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'wave');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('preserveAspectRatio', 'none');
  const columns = Math.min(pairs, 120);
  svg.setAttribute('viewBox', `0 0 ${Math.max(columns, 1)} 2`);
  const scale = data.bits === 8 ? 128 : 32768;
  let d = '';
  for (let x = 0; x < columns; x++) {
    const from = Math.floor((x * pairs) / columns);
    const to = Math.max(from + 1, Math.floor(((x + 1) * pairs) / columns));
    let min = 0, max = 0;
    for (let i = from; i < to; i++) {
      min = Math.min(min, data.data[2 * i]);
      max = Math.max(max, data.data[2 * i + 1]);
    }
    const top = 1 - Math.max(max / scale, 0.02), bottom = 1 - Math.min(min / scale, -0.02);
    d += `M${x + 0.5} ${top.toFixed(3)}V${bottom.toFixed(3)}`;
  }
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '0.6');
  svg.append(path);
  return svg;
}

export function formatBytes(bytes) {
  if (bytes === null || bytes === undefined) return '';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes, unit = 0;
  while (value >= 1000 && unit < units.length - 1) { value /= 1000; unit++; }
  return `${value >= 10 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

export function formatDuration(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return '';
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

export function formatDate(value) {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString();
}

/** The media kind ('image', 'video', 'audio', 'document') of a MIME type. */
export function kindOf(mimeType) {
  const major = (mimeType || '').split('/')[0];
  return ['image', 'video', 'audio'].includes(major) ? major : 'document';
}

let toastTimer = 0;

/**
 * Shows a popover message above everything, an open modal dialog included: it moves into that dialog (whatever is
 * outside a modal dialog is inert) and is shown again, which puts it last in the top layer.
 */
export function showAbove(element) {
  const host = [...document.querySelectorAll('dialog[open]')].pop() ?? document.body;
  if (element.matches(':popover-open')) element.hidePopover();
  if (element.parentElement !== host) host.append(element);
  element.showPopover();
}

/** A short message in the polite live region at the bottom of the page. */
export function toast(message) {
  const element = document.getElementById('toast');
  element.textContent = message;
  showAbove(element);
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    element.textContent = '';
    if (element.matches(':popover-open')) element.hidePopover();
  }, 4000);
}
