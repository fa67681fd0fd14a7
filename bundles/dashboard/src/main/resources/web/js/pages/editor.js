// Edit a workflow document: validate it (any user) and deploy it (admin). Problems are listed
// with their line and column; choosing one selects that line, and the gutter marks it.

import * as api from '../api.js';
import { h, clear, notice, problemNotice } from '../ui.js';

export async function editorPage(main, workflowId) {
  const admin = api.hasRole('admin');
  document.title = `${workflowId || 'New workflow'} · Assay`;
  const source = workflowId ? await api.text(`workflows/${encodeURIComponent(workflowId)}/source`) : TEMPLATE;
  const area = h('textarea', { id: 'editor', spellcheck: 'false', autocapitalize: 'off', 'aria-label': 'Workflow document (JSON)',
    'aria-describedby': 'editor-problems', wrap: 'off' });
  area.value = source;
  const gutter = h('div', { class: 'gutter', 'aria-hidden': 'true' });
  const problems = h('div', { id: 'editor-problems', 'aria-live': 'polite' });
  let marked = new Set();

  const drawGutter = () => {
    const lines = area.value.split('\n').length;
    gutter.replaceChildren(...Array.from({ length: lines }, (_, i) =>
      h('div', { class: marked.has(i + 1) ? 'bad' : null }, String(i + 1))));
    gutter.scrollTop = area.scrollTop;
  };
  area.addEventListener('input', () => {
    marked = new Set();
    drawGutter();
  });
  area.addEventListener('scroll', () => {
    gutter.scrollTop = area.scrollTop;
  });

  const show = (list, okText) => {
    marked = new Set(list.filter((p) => p.line).map((p) => p.line));
    drawGutter();
    if (!list.length) {
      clear(problems, notice('ok', okText));
      return;
    }
    clear(problems, notice('error', `${list.length} problem${list.length > 1 ? 's' : ''}:`),
      h('ul', { class: 'problems' }, list.map((p) => h('li', {},
        p.line ? h('button', { type: 'button', class: 'link', onclick: () => selectLine(area, p.line, p.column) },
          `line ${p.line}${p.column ? `, column ${p.column}` : ''}`) : null,
        p.line ? ': ' : '', `${p.path && p.path !== '$' ? `${p.path}: ` : ''}${p.message || p.text}`,
        p.severity === 'WARNING' ? h('span', { class: 'muted' }, ' (warning)') : null))));
  };

  const validate = async () => {
    try {
      const result = await api.post('workflows/validate', area.value);
      show(result.problems || [], result.valid ? 'Valid: the workflow can be deployed.' : 'Not valid.');
    } catch (e) {
      showFailure(e);
    }
  };
  const deploy = async () => {
    try {
      const w = await api.post('workflows', area.value);
      show(w.warnings || [], `Deployed ${w.id} version ${w.version}.`);
      if (!workflowId) {
        history.replaceState(null, '', `#/workflows/${encodeURIComponent(w.id)}/edit`);
      }
    } catch (e) {
      showFailure(e);
    }
  };
  const showFailure = (e) => {
    if (e.problem?.problems?.length) {
      show(e.problem.problems, '');
    } else {
      clear(problems, problemNotice(e));
    }
  };

  clear(main, h('p', {}, h('a', { href: '#/workflows' }, '← Workflows')),
    h('h1', {}, workflowId ? `Workflow ${workflowId}` : 'New workflow'),
    admin ? null : h('p', { class: 'muted' }, 'You may validate changes here; deploying needs the admin role.'),
    h('div', { class: 'editor' }, gutter, area),
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'validate', class: 'secondary', onclick: validate }, 'Validate'),
      admin ? h('button', { type: 'button', id: 'deploy', onclick: deploy }, 'Deploy') : null),
    problems);
  drawGutter();
}

function selectLine(area, line, column) {
  const lines = area.value.split('\n');
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  const end = start + (lines[line - 1] || '').length;
  area.focus();
  area.setSelectionRange(column ? Math.min(start + column - 1, end) : start, end);
  const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 18;
  area.scrollTop = Math.max(0, (line - 4) * lineHeight);
}

const TEMPLATE = `{
  "format": 1,
  "id": "my-workflow",
  "name": "My workflow",
  "steps": [
    {
      "id": "customers",
      "type": "csv-reader",
      "params": { "path": "data/customers.csv" }
    }
  ]
}
`;
