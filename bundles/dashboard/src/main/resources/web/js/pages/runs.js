// Runs: the newest runs, live. Active runs follow their event streams, so their step counts and
// progress move without a reload; the list itself is re-read when a run starts or ends.

import * as api from '../api.js';
import { h, clear, num, time, duration, status, progressBar, table, notice, problemNotice, onLeave } from '../ui.js';

const ACTIVE = new Set(['QUEUED', 'RUNNING', 'PAUSED']);

export async function runsPage(main) {
  document.title = 'Runs · Assay';
  const message = h('div', { 'aria-live': 'polite' });
  const list = h('div', { id: 'runs-list' });
  const startForm = api.hasRole('operator') ? await startRunForm(message)
    : h('p', { class: 'muted', id: 'no-start' }, 'Starting and cancelling runs needs the operator role.');
  clear(main, h('h1', {}, 'Runs'), startForm, message, list);

  const streams = new Map();
  let refreshing = false;
  async function refresh() {
    if (refreshing) {
      return;
    }
    refreshing = true;
    try {
      const page = await api.get('runs?limit=50');
      render(list, page.runs, streams, refresh);
    } catch (e) {
      clear(list, problemNotice(e));
    } finally {
      refreshing = false;
    }
  }
  await refresh();
  // New runs (a schedule, another user) appear within a few seconds; running ones move live.
  const timer = setInterval(refresh, 5000);
  onLeave(() => {
    clearInterval(timer);
    streams.forEach((stop) => stop());
  });
  window.assayRefreshRuns = refresh;
}

async function startRunForm(message) {
  const { workflows } = await api.get('workflows');
  if (!workflows.length) {
    return null;
  }
  const select = h('select', { id: 'start-workflow', name: 'workflow' },
    workflows.map((w) => h('option', { value: w.id, selected: w.id === 'customer-segmentation' }, `${w.name || w.id} (${w.id})`)));
  return h('form', { class: 'card toolbar', id: 'start-form', onsubmit: async (e) => {
    e.preventDefault();
    try {
      const run = await api.post('runs', { workflowId: select.value });
      clear(message, notice('ok', 'Started run ', h('a', { href: `#/runs/${encodeURIComponent(run.runId)}` }, run.runId),
        ` of ${run.workflowId}.`));
      window.assayRefreshRuns?.();
    } catch (err) {
      clear(message, problemNotice(err));
    }
  } },
  h('label', { for: 'start-workflow' }, 'Workflow'), select,
  h('button', { type: 'submit', id: 'start-run' }, 'Start run'));
}

function render(list, runs, streams, refresh) {
  if (!runs.length) {
    clear(list, notice('info', 'No runs yet.'));
    return;
  }
  const rows = runs.map((r) => ({ ...r }));
  const cells = new Map();
  const columns = [
    { label: 'Run', value: (r) => h('a', { href: `#/runs/${encodeURIComponent(r.runId)}`, class: 'run-link' }, r.runId) },
    { label: 'Workflow', value: (r) => `${r.workflowId} v${r.workflowVersion}` },
    { label: 'Status', value: (r) => cell(cells, r, 'status', status(r.status)) },
    { label: 'Steps', value: (r) => cell(cells, r, 'steps', stepsCell(r)) },
    { label: 'Rows in (all steps)', num: true, value: (r) => cell(cells, r, 'rowsIn', num(r.rowsIn)) },
    { label: 'Quarantined', num: true, value: (r) => cell(cells, r, 'quarantined', num(r.quarantined)) },
    { label: 'Queued', value: (r) => time(r.queuedAt) },
    { label: 'Took', value: (r) => duration(r.activeMillis) },
    { label: 'By', value: (r) => [r.startedBy, r.trigger && r.trigger !== 'manual' ? ` (${r.trigger})` : ''] },
    { label: 'Error', value: (r) => h('span', { class: 'error-text' }, r.error || '') },
  ];
  clear(list, table(columns, rows, 'The 50 newest runs'));

  const active = new Set(rows.filter((r) => ACTIVE.has(r.status)).map((r) => r.runId));
  for (const [runId, stop] of streams) {
    if (!active.has(runId)) {
      stop();
      streams.delete(runId);
    }
  }
  for (const r of rows.filter((x) => active.has(x.runId))) {
    follow(r, cells, streams, refresh);
  }
}

function cell(cells, run, key, content) {
  const span = h('span', { 'data-run': run.runId, 'data-key': key }, content);
  cells.set(`${run.runId}/${key}`, span);
  return span;
}

function stepsCell(r) {
  const fraction = r.steps ? (r.stepsSucceeded || 0) / r.steps : 0;
  return h('span', { class: 'steps-cell' }, progressBar(fraction, `steps of run ${r.runId} succeeded`,
    `${r.stepsSucceeded || 0}/${r.steps || 0}`));
}

/** Follows one active run's events and updates its row in place. */
function follow(run, cells, streams, refresh) {
  if (streams.has(run.runId)) {
    // Already followed: the new table's cells get the next event's figures.
    return;
  }
  const set = (key, content) => cells.get(`${run.runId}/${key}`)?.replaceChildren(content);
  const stop = api.events(`runs/${encodeURIComponent(run.runId)}/events`, (kind, data) => {
    if (kind === 'snapshot') {
      Object.assign(run, data);
    } else if (data && data.kind) {
      if (data.kind === 'STEP_SUCCEEDED') {
        run.stepsSucceeded = (run.stepsSucceeded || 0) + 1;
      }
      if (data.kind === 'RUN_STARTED') {
        run.status = 'RUNNING';
      }
      if (data.kind.startsWith('RUN_') && ['RUN_SUCCEEDED', 'RUN_FAILED', 'RUN_CANCELLED'].includes(data.kind)) {
        run.status = data.kind.slice(4);
      }
    }
    set('status', status(run.status));
    set('steps', stepsCell(run));
    set('quarantined', num(run.quarantined));
    set('rowsIn', num(run.rowsIn));
  }, () => {
    streams.delete(run.runId);
    refresh();
  });
  streams.set(run.runId, stop);
}
