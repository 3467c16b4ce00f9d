// The page's location: #view/id?query. Filters, search, sort and the open media live in the query, so reload and share keep them.

/** {view, id, params} of the current hash (#library?q=x&tag=a → view 'library', params q and tag). */
export function readLocation() {
  const hash = location.hash.slice(1);
  const at = hash.indexOf('?');
  const path = at < 0 ? hash : hash.slice(0, at);
  const [view, id] = path.split('/');
  return { view: view || 'library', id, params: new URLSearchParams(at < 0 ? '' : hash.slice(at + 1)) };
}

/** Rewrites the query of the current view without a new history entry (and without a hashchange). */
export function writeParams(params) {
  const { view, id } = readLocation();
  const query = params.toString();
  history.replaceState(history.state, '', `#${view}${id ? `/${id}` : ''}${query ? `?${query}` : ''}`);
}

/** Sets (or, with a falsy value, removes) one query parameter of the current location. */
export function setParam(name, value) {
  const params = readLocation().params;
  if (value) params.set(name, value);
  else params.delete(name);
  writeParams(params);
}
