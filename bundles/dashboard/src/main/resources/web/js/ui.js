// Small DOM helpers shared by the pages. Text always goes in as text nodes (never innerHTML),
// so names and messages from workflows cannot inject markup.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key.startsWith('on')) {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, value);
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(el, child);
    } else {
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

const numberFormat = new Intl.NumberFormat(undefined);
export const num = (n) => (n === null || n === undefined ? '' : numberFormat.format(n));

export function time(iso) {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  const today = new Date().toDateString() === d.toDateString();
  return today ? d.toLocaleTimeString() : d.toLocaleString();
}

export function duration(ms) {
  if (ms === null || ms === undefined) {
    return '';
  }
  if (ms < 1000) {
    return `${ms} ms`;
  }
  const s = ms / 1000;
  if (s < 60) {
    return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  }
  const m = Math.floor(s / 60);
  if (m < 60) {
    return `${m} min ${Math.round(s % 60)} s`;
  }
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** A run or step status as a coloured label with the word in it (colour is never the only cue). */
export function status(value) {
  const word = (value || 'unknown').toLowerCase();
  return h('span', { class: `status status-${word}` }, word);
}

export function progressBar(fraction, label, text) {
  const pct = Math.max(0, Math.min(100, Math.round((fraction || 0) * 100)));
  return h('span', { class: 'progress-wrap' },
    h('span', { class: 'progress', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100',
      'aria-valuenow': String(pct), 'aria-label': label || 'progress' },
    h('span', { class: 'progress-fill', style: `width: ${pct}%` })),
    h('span', { class: 'progress-text', 'aria-hidden': 'true' }, text ?? `${pct}%`));
}

/**
 * A table in a scrolling wrapper (readable on a phone). columns: [{label, value(row) -> node|text, num?}].
 */
export function table(columns, rows, caption) {
  return h('div', { class: 'table-wrap' },
    h('table', {},
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.num ? 'num' : null }, c.label)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, columns.map((c) => h('td', { class: c.num ? 'num' : null }, c.value(r))))))));
}

/** A notice for errors and results; role=alert so screen readers announce it. */
export function notice(kind, ...content) {
  return h('div', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...content);
}

export function problemNotice(error) {
  const p = error.problem || {};
  return notice('error', h('strong', {}, p.title || 'Error'), p.detail ? ` ${p.detail}` : ` ${error.message}`);
}

export function section(title, ...content) {
  return h('section', { class: 'card' }, h('h2', {}, title), ...content);
}

/** What the current page wants stopped when the user leaves it (event streams, timers, charts). */
let cleanups = [];

export function onLeave(fn) {
  cleanups.push(fn);
}

export function leavePage() {
  const pending = cleanups;
  cleanups = [];
  pending.forEach((fn) => {
    try {
      fn();
    } catch {
      // a failing cleanup must not keep the next page from showing
    }
  });
}
