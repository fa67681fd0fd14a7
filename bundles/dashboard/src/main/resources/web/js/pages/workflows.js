// Workflows: what is deployed, its schedule in words, its last runs, files that were rejected;
// start (operator), edit and validate (everyone), deploy and undeploy (admin).

import * as api from '../api.js';
import { h, clear, time, status, table, notice, problemNotice } from '../ui.js';

export async function workflowsPage(main) {
  document.title = 'Workflows · Assay';
  const [{ workflows, rejected }, { runs }] = await Promise.all([api.get('workflows'), api.get('runs?limit=200')]);
  const message = h('div', { 'aria-live': 'polite' });
  const byWorkflow = new Map();
  for (const r of runs) {
    const list = byWorkflow.get(r.workflowId) || [];
    if (list.length < 3) {
      list.push(r);
    }
    byWorkflow.set(r.workflowId, list);
  }
  const operator = api.hasRole('operator');
  const admin = api.hasRole('admin');
  const columns = [
    { label: 'Workflow', value: (w) => [h('strong', {}, w.name || w.id), h('br'), h('code', {}, w.id)] },
    { label: 'Version', num: true, value: (w) => String(w.version) },
    { label: 'Status', value: (w) => [w.lastRejected?.length ? status('rejected') : status('deployed'),
      w.warnings?.length ? h('span', { class: 'muted' }, ` ${w.warnings.length} warning(s)`) : null] },
    { label: 'Schedule', value: (w) => (w.schedule ? [w.scheduleText || '', ' ', h('code', { class: 'muted' }, w.schedule)] : 'manual only') },
    { label: 'Last runs', value: (w) => (byWorkflow.get(w.id) || []).map((r) =>
      h('div', {}, h('a', { href: `#/runs/${encodeURIComponent(r.runId)}` }, r.runId), ' ', status(r.status))) },
    { label: 'Deployed', value: (w) => [time(w.deployedAt), w.deployedBy ? ` by ${w.deployedBy}` : ''] },
    { label: 'Actions', value: (w) => h('div', { class: 'actions' },
      operator ? h('button', { type: 'button', class: 'start', 'data-workflow': w.id, onclick: async () => {
        try {
          const run = await api.post('runs', { workflowId: w.id });
          location.hash = `#/runs/${encodeURIComponent(run.runId)}`;
        } catch (e) {
          clear(message, problemNotice(e));
        }
      } }, 'Start') : null,
      h('a', { class: 'button secondary', href: `#/workflows/${encodeURIComponent(w.id)}/edit` }, admin ? 'Edit' : 'View'),
      admin ? h('button', { type: 'button', class: 'danger', onclick: async () => {
        if (!confirm(`Undeploy ${w.id}? Its runs stay.`)) {
          return;
        }
        try {
          await api.del(`workflows/${encodeURIComponent(w.id)}`);
          workflowsPage(main);
        } catch (e) {
          clear(message, problemNotice(e));
        }
      } }, 'Undeploy') : null) },
  ];
  clear(main, h('div', { class: 'page-head' }, h('h1', {}, 'Workflows'),
    admin ? h('a', { class: 'button', href: '#/workflows/new', id: 'new-workflow' }, 'New workflow') : null),
  message,
  workflows.length ? table(columns, workflows) : notice('info', 'No workflow is deployed.'),
  rejected?.length ? h('section', { class: 'card' }, h('h2', {}, 'Rejected files'),
    rejected.map((r) => h('div', { class: 'rejected' },
      h('p', {}, h('code', {}, r.origin), r.workflowId ? ` (${r.workflowId})` : '', ` at ${time(r.rejectedAt)}`),
      h('ul', { class: 'problems' }, (r.problems || []).map((p) => h('li', {}, p.text || p.message)))))) : null);
}
