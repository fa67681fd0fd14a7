// The REST API client: Basic credentials kept in sessionStorage only (gone when the tab
// closes), every call same-origin under /assay/api/v1, errors as RFC 9457 problem documents.

const BASE = new URL('api/v1/', document.baseURI).pathname;
const KEY = 'assay.session';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** The logged-in user: {user, roles, auth}, or null. */
export function session() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY));
  } catch {
    return null;
  }
}

export function hasRole(role) {
  const s = session();
  return !!s && s.roles.includes(role);
}

function encode(user, password) {
  // btoa only takes Latin-1: encode UTF-8 bytes first, as servers expect for Basic.
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  return 'Basic ' + btoa(String.fromCharCode(...bytes));
}

/** Checks the credentials with GET /me and keeps them for this tab. */
export async function login(user, password) {
  const auth = encode(user, password);
  const me = await request('me', { auth });
  sessionStorage.setItem(KEY, JSON.stringify({ user: me.user, roles: me.roles, auth }));
  return me;
}

export function logout() {
  sessionStorage.removeItem(KEY);
}

function headers(auth, extra = {}) {
  // X-Requested-With: the API then leaves out WWW-Authenticate, so a wrong password shows
  // in our form and not as the browser's own login dialog.
  return { 'Authorization': auth, 'X-Requested-With': 'XMLHttpRequest', ...extra };
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      return await response.json();
    } catch {
      // fall through to the status text
    }
  }
  return { title: response.statusText || `HTTP ${response.status}`, status: response.status };
}

/** Where the API answered 401 on a later call (password changed, user removed). */
let onUnauthorized = () => {};
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

async function send(path, { method = 'GET', body, auth, accept = 'application/json', signal } = {}) {
  auth = auth || session()?.auth;
  const extra = { 'Accept': accept };
  if (body !== undefined) {
    extra['Content-Type'] = 'application/json';
  }
  const response = await fetch(BASE + path, {
    method,
    headers: headers(auth, extra),
    body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
    credentials: 'omit',
    cache: 'no-store',
    signal,
  });
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401 && session()) {
      onUnauthorized();
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

/** A JSON call; null for 204. */
export async function request(path, options = {}) {
  const response = await send(path, options);
  if (response.status === 204) {
    return null;
  }
  return response.json();
}

export async function text(path, options = {}) {
  return (await send(path, { accept: '*/*', ...options })).text();
}

export async function blob(path) {
  return (await send(path, { accept: '*/*' })).blob();
}

export const get = (path) => request(path);
export const post = (path, body) => request(path, { method: 'POST', body: body === undefined ? {} : body });
export const del = (path) => request(path, { method: 'DELETE' });

/**
 * Reads a Server-Sent Events stream with fetch (EventSource cannot send the Authorization
 * header). Calls onEvent(kind, data) per event; returns a function that stops reading.
 * onEnd(error) is called once when the stream ends, whether the server closed it or it failed.
 */
export function events(path, onEvent, onEnd = () => {}) {
  const controller = new AbortController();
  (async () => {
    let error = null;
    try {
      const response = await send(path, { accept: 'text/event-stream', signal: controller.signal });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          break;
        }
        buffer += value.replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          parseEventBlock(buffer.slice(0, end), onEvent);
          buffer = buffer.slice(end + 2);
        }
      }
    } catch (e) {
      error = controller.signal.aborted ? null : e;
    }
    if (!controller.signal.aborted) {
      onEnd(error);
    }
  })();
  return () => controller.abort();
}

/** One Server-Sent Events block (the lines before a blank line): calls onEvent(kind, JSON data). */
export function parseEventBlock(block, onEvent) {
  let kind = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      continue; // keep-alive comment
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') {
      kind = value;
    } else if (field === 'data') {
      data.push(value);
    }
  }
  if (data.length) {
    let parsed;
    try {
      parsed = JSON.parse(data.join('\n'));
    } catch {
      parsed = data.join('\n');
    }
    onEvent(kind, parsed);
  }
}

/** Parses CSV (RFC 4180: quotes, doubled quotes, line breaks in quotes) into rows of strings. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') {
        i++;
      }
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
