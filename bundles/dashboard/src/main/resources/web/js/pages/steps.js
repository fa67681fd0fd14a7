// The step catalogue, generated from the installed step types: a searchable list by category,
// and one page per type with its ports and parameters.

import * as api from '../api.js';
import { h, clear, table, notice } from '../ui.js';

export async function stepsPage(main) {
  document.title = 'Steps · Assay';
  const steps = await api.get('steps');
  const list = h('div', {});
  const search = h('input', { type: 'search', id: 'step-search', placeholder: 'csv, cluster, impute…',
    oninput: () => draw() });
  const draw = () => {
    const q = search.value.trim().toLowerCase();
    const shown = steps.filter((s) => !q || [s.type, s.title, s.description, ...(s.tags || [])]
      .some((t) => (t || '').toLowerCase().includes(q)));
    const byCategory = new Map();
    shown.forEach((s) => byCategory.set(s.category || 'other', [...(byCategory.get(s.category || 'other') || []), s]));
    clear(list, shown.length ? [...byCategory.entries()].sort().map(([category, items]) => h('section', { class: 'card' },
      h('h2', {}, category),
      h('dl', { class: 'catalogue' }, items.sort((a, b) => a.type.localeCompare(b.type)).map((s) => [
        h('dt', {}, h('a', { href: `#/steps/${encodeURIComponent(s.type)}` }, s.type), s.title ? ` · ${s.title}` : ''),
        h('dd', {}, firstSentence(s.description))]))))
      : notice('info', 'No step type matches.'));
  };
  clear(main, h('h1', {}, 'Step catalogue'),
    h('p', { class: 'muted' }, `${steps.length} step types installed. Generated from the running bundles.`),
    h('div', { class: 'field-inline' }, h('label', { for: 'step-search' }, 'Search'), search), list);
  draw();
}

/** The list shows each type's first sentence; its page has the whole text. */
function firstSentence(text) {
  // A sentence ends before a capital letter, so "e.g. x" and "1.5" do not end it.
  const m = (text || '').match(/^.*?[.!?](?=\s+[A-Z]|$)/s);
  return m ? m[0] : text || '';
}

export async function stepPage(main, type) {
  document.title = `${type} · Assay`;
  const s = await api.get(`steps/${encodeURIComponent(type)}`);
  const ports = (list) => (list?.length ? table([
    { label: 'Name', value: (p) => h('code', {}, p.name) },
    { label: 'Kind', value: (p) => p.kind || '' },
    { label: 'Notes', value: (p) => [p.optional ? 'optional. ' : '', p.reads === 'several' ? 'read several times. ' : '', p.description || ''] },
  ], list) : h('p', { class: 'muted' }, 'None.'));
  const fmt = (v) => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  clear(main, h('p', {}, h('a', { href: '#/steps' }, '← Step catalogue')),
    h('h1', {}, h('code', {}, s.type), s.title ? ` · ${s.title}` : ''),
    h('p', {}, s.description || ''),
    h('p', { class: 'muted' }, [`category ${s.category || 'other'}`, s.version && `version ${s.version}`, s.bundle && `from ${s.bundle}`]
      .filter(Boolean).join(' · ')),
    h('section', { class: 'card' }, h('h2', {}, 'Inputs'), ports(s.inputs)),
    h('section', { class: 'card' }, h('h2', {}, 'Outputs'), ports(s.outputs)),
    h('section', { class: 'card' }, h('h2', {}, 'Parameters'), s.parameters?.length ? table([
      { label: 'Name', value: (p) => [h('code', {}, p.name), p.required ? h('span', { class: 'required' }, ' required') : null] },
      { label: 'Type', value: (p) => p.type || '' },
      { label: 'Default', value: (p) => h('code', {}, fmt(p.default)) },
      { label: 'Description', value: (p) => [p.description || '',
        p.allowedValues?.length ? h('div', { class: 'muted' }, 'One of: ', p.allowedValues.map((v, i) => [i ? ', ' : '',
          h('code', {}, typeof v === 'object' ? v.value ?? JSON.stringify(v) : String(v))])) : null,
        p.minimum !== undefined && p.minimum !== null ? h('div', { class: 'muted' }, `At least ${p.minimum}`) : null,
        p.maximum !== undefined && p.maximum !== null ? h('div', { class: 'muted' }, `At most ${p.maximum}`) : null] },
    ], s.parameters) : h('p', { class: 'muted' }, 'No parameters.')),
    s.parameterSchema ? h('details', { class: 'card' }, h('summary', {}, 'Parameter JSON Schema'),
      h('pre', {}, JSON.stringify(s.parameterSchema, null, 2))) : null);
}
