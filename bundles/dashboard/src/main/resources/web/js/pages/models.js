// Models of the model store: champions and versions; promote and roll back (admin).

import * as api from '../api.js';
import { h, clear, time, table, notice, problemNotice } from '../ui.js';

export async function modelsPage(main) {
  document.title = 'Models · Assay';
  let models;
  try {
    models = await api.get('models');
  } catch (e) {
    if (e.status === 503) {
      clear(main, h('h1', {}, 'Models'), notice('info', 'The model store is not installed (feature assay-miners).'));
      return;
    }
    throw e;
  }
  clear(main, h('h1', {}, 'Models'), models.length ? table([
    { label: 'Model', value: (m) => h('a', { href: `#/models/${encodeURIComponent(m.name)}` }, m.name) },
    { label: 'Champion', num: true, value: (m) => (m.champion === null || m.champion === undefined ? 'none' : `version ${m.champion}`) },
    { label: 'Versions', num: true, value: (m) => String(m.versions) },
  ], models) : notice('info', 'No model is stored yet. A workflow with a weka-classify step stores one.'));
}

export async function modelPage(main, name) {
  document.title = `${name} · Assay`;
  const path = `models/${encodeURIComponent(name)}`;
  const model = await api.get(path);
  const admin = api.hasRole('admin');
  const message = h('div', { 'aria-live': 'polite' });
  const act = async (what, body) => {
    try {
      const v = await api.post(`${path}/${what}`, body);
      await modelPage(main, name);
      main.prepend(notice('ok', `Version ${v.version} is the champion now.`));
    } catch (e) {
      clear(message, problemNotice(e));
    }
  };
  const versions = [...model.versions].sort((a, b) => b.version - a.version);
  clear(main, h('p', {}, h('a', { href: '#/models' }, '← Models')), h('h1', {}, `Model ${name}`), message,
    admin ? h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', onclick: () => act('rollback', {}) },
      'Roll back the champion')) : null,
    table([
      { label: 'Version', num: true, value: (v) => String(v.version) },
      { label: 'Champion', value: (v) => (v.champion ? h('strong', {}, 'champion') : '') },
      { label: 'Created', value: (v) => time(v.created) },
      { label: 'Metadata', value: (v) => h('dl', { class: 'facts small' }, Object.entries(v.metadata || {}).slice(0, 12)
        .map(([k, x]) => h('div', {}, h('dt', {}, k), h('dd', {}, typeof x === 'object' ? JSON.stringify(x) : String(x))))) },
      { label: 'Actions', value: (v) => (admin && !v.champion ? h('button', { type: 'button', onclick: () => act('promote', { version: v.version }) },
        'Promote') : '') },
    ], versions));
}
