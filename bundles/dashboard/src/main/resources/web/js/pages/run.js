// One run: its summary, the step table (live while the run is active, from the event stream),
// and the report's content drawn here: interactive charts from the steps' CSV tables, segment
// profiles, metrics, the other artifacts, and the quarantine summary by reason.

import * as api from '../api.js';
import { h, clear, num, time, duration, status, progressBar, table, notice, problemNotice, section, onLeave } from '../ui.js';
import { chart, measureChart, numericColumns, reasonsChart, scatterOption, pieOption, boxOption, lineOption,
  histogramOption, heatmapOption, curveOption } from '../charts.js';

/** Chart steps whose data is a category and measures, drawn as bars. */
const BAR_LIKE = new Set(['bar-chart']);

const ACTIVE = new Set(['QUEUED', 'RUNNING', 'PAUSED']);
const ENDS = new Set(['RUN_SUCCEEDED', 'RUN_FAILED', 'RUN_CANCELLED']);

export async function runPage(main, runId) {
  document.title = `Run ${runId} · Assay`;
  const path = `runs/${encodeURIComponent(runId)}`;
  let run = await api.get(path);
  const summary = h('div', {});
  const steps = h('div', { id: 'step-table' });
  const report = h('div', { id: 'report' });
  const message = h('div', { 'aria-live': 'polite' });
  clear(main, h('p', {}, h('a', { href: '#/runs' }, '← All runs')),
    h('h1', {}, `Run ${runId}`), message, summary,
    section('Steps', steps), report);

  const draw = () => {
    clear(summary, summaryView(run, message, async () => {
      run = await api.get(path);
      draw();
    }));
    clear(steps, stepTable(run));
  };
  draw();

  if (ACTIVE.has(run.status)) {
    clear(report, notice('info', 'The report appears here when the run has finished.'));
    const stop = api.events(`${path}/events`, (kind, data) => {
      if (kind === 'snapshot') {
        run = data;
      } else if (data && data.kind) {
        apply(run, data);
      }
      draw();
    }, async () => {
      // The stream ends with the run: read the final record (artifacts, report) once.
      run = await api.get(path);
      draw();
      if (!ACTIVE.has(run.status)) {
        await drawReport(report, run);
      }
    });
    onLeave(stop);
  } else {
    await drawReport(report, run);
  }
}

/** Applies one event to the run record, so the table moves between snapshots. */
function apply(run, event) {
  const step = event.stepId ? (run.stepRuns || []).find((s) => s.stepId === event.stepId) : null;
  if (step && event.counts) {
    const c = event.counts;
    Object.assign(step, {
      rowsIn: c.rowsIn ?? step.rowsIn, rowsOut: c.rowsOut ?? step.rowsOut,
      quarantined: c.quarantined ?? step.quarantined, filtered: c.filtered ?? step.filtered,
      progress: c.progress ?? step.progress,
    });
  }
  const stepStatus = { STEP_WAITING: 'WAITING', STEP_STARTED: 'RUNNING', STEP_SUCCEEDED: 'SUCCEEDED',
    STEP_FAILED: 'FAILED', STEP_CANCELLED: 'CANCELLED' }[event.kind];
  if (step && stepStatus) {
    if (stepStatus === 'SUCCEEDED' && step.status !== 'SUCCEEDED') {
      run.stepsSucceeded = (run.stepsSucceeded || 0) + 1;
    }
    step.status = stepStatus;
    if (stepStatus === 'SUCCEEDED') {
      step.progress = 1;
    }
    if (stepStatus === 'FAILED' && event.message) {
      step.error = event.message;
    }
  }
  if (event.kind === 'RUN_STARTED') {
    run.status = 'RUNNING';
  }
  if (ENDS.has(event.kind)) {
    run.status = event.kind.slice(4);
  }
  if (event.message && event.kind !== 'STEP_PROGRESS') {
    run.timeline = [...(run.timeline || []), event];
  }
}

function summaryView(run, message, reload) {
  const facts = [
    ['Status', status(run.status)],
    ['Workflow', h('a', { href: '#/workflows' }, `${run.workflowId} version ${run.workflowVersion}`)],
    ['Started by', `${run.startedBy || ''}${run.trigger ? ` (${run.trigger})` : ''}`],
    ['Queued', time(run.queuedAt)],
    ['Started', time(run.startedAt)],
    ['Finished', time(run.finishedAt)],
    ['Took', duration(run.activeMillis)],
    ['Steps succeeded', `${run.stepsSucceeded ?? ''} of ${run.steps ?? (run.stepRuns || []).length}`],
    ['Rows in (all steps)', num(run.rowsIn)],
    ['Quarantined', num(run.quarantined)],
  ];
  if (run.cancelledBy) {
    facts.push(['Cancelled by', run.cancelledBy]);
  }
  const actions = h('div', { class: 'actions' });
  if (ACTIVE.has(run.status) && api.hasRole('operator')) {
    actions.append(h('button', { type: 'button', class: 'danger', id: 'cancel-run', onclick: async () => {
      try {
        await api.post(`runs/${encodeURIComponent(run.runId)}/cancel`);
        clear(message, notice('ok', 'Cancel requested.'));
        await reload();
      } catch (e) {
        clear(message, problemNotice(e));
      }
    } }, 'Cancel run'));
  }
  if (run.hasReport) {
    actions.append(h('button', { type: 'button', class: 'secondary', id: 'open-report', onclick: () =>
      openBlob(`runs/${encodeURIComponent(run.runId)}/report`, message) }, 'Open the HTML report'));
  }
  return h('div', { class: 'card' },
    run.error ? notice('error', h('strong', {}, 'Error: '), run.error) : null,
    h('dl', { class: 'facts' }, facts.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v)))),
    actions);
}

function stepTable(run) {
  const columns = [
    { label: 'Step', value: (s) => h('strong', {}, s.stepId) },
    { label: 'Type', value: (s) => h('a', { href: `#/steps/${encodeURIComponent(s.type)}`, class: 'nowrap' }, s.type) },
    { label: 'Status', value: (s) => status(s.status) },
    { label: 'Progress', value: (s) => progressBar(s.progress ?? (s.status === 'SUCCEEDED' ? 1 : 0), `progress of ${s.stepId}`) },
    { label: 'Rows in', num: true, value: (s) => num(s.rowsIn) },
    { label: 'Rows out', num: true, value: (s) => num(s.rowsOut) },
    { label: 'Quarantined', num: true, value: (s) => num(s.quarantined) },
    { label: 'Filtered', num: true, value: (s) => num(s.filtered) },
    { label: 'Took', value: (s) => duration(s.durationMillis) },
    { label: 'Error', value: (s) => h('span', { class: 'error-text' }, s.error || '') },
  ];
  // The timeline holds the run's notable events (it survives restarts); events is the short list.
  const events = run.timeline?.length
    ? run.timeline.filter((e) => e.message).map((e) => `${new Date(e.at).toLocaleTimeString()} ${e.message}`)
    : run.events || [];
  return [table(columns, run.stepRuns || []),
    events.length ? h('details', { class: 'events' }, h('summary', {}, `Events (${events.length})`),
      h('ol', {}, events.map((e) => h('li', {}, e)))) : null];
}

async function drawReport(report, run) {
  clear(report);
  const artifacts = (run.stepRuns || []).flatMap((s) => (s.artifacts || []).map((a) => ({ ...a, type: s.type })));
  const charts = section('Charts');
  const profiles = section('Segment profiles');
  const metrics = section('Metrics');
  const tables = section('Tables');
  const files = section('Other files');
  const quarantine = section('Quarantine');
  report.append(charts, profiles, metrics, tables, quarantine, files);

  // A chart step writes <name>.png, <name>.svg and <name>.csv (the numbers drawn): the CSV is
  // drawn again here with ECharts, the pictures are offered beside it.
  const base = (a) => a.id.replace(/\.(png|svg|csv)$/i, '');
  const pictures = new Map();
  artifacts.filter((a) => a.kind === 'CHART').forEach((a) => pictures.set(base(a), [...(pictures.get(base(a)) || []), a]));
  // A chart's data CSV is as small as the chart (the step samples); other DATA files (a
  // csv-writer's output) can be any size and are offered for download, never read here.
  const csv = (a) => /\.csv$/i.test(a.fileName);
  const withData = new Set(artifacts.filter((a) => (a.kind === 'TABLE' || a.kind === 'DATA') && csv(a)
    && pictures.has(base(a))).map(base));
  for (const a of artifacts) {
    try {
      if (csv(a) && (a.kind === 'TABLE' || withData.has(base(a)))) {
        const rows = api.parseCsv(await api.text(a.href));
        const [header, ...body] = rows;
        if (!header) {
          continue;
        }
        if (/cluster-profile\.csv$/i.test(a.fileName)) {
          profiles.append(profileView(a, header, body));
        } else if (withData.has(base(a))) {
          charts.append(chartDataView(a, header, body, pictures.get(base(a))));
        } else {
          tables.append(tableView(a, header, body));
        }
      } else if (a.kind === 'TABLE' && /\.json$/i.test(a.fileName)) {
        metrics.append(metricsView(a, JSON.parse(await api.text(a.href))));
      } else if (a.kind === 'CHART') {
        // A picture without its data (a step that writes no CSV): the step's PNG.
        if (!withData.has(base(a)) && /\.png$/i.test(a.fileName)) {
          charts.append(await imageView(a));
        }
      } else {
        files.append(fileView(a));
      }
    } catch (e) {
      files.append(notice('error', `${a.title || a.id}: ${e.message}`));
    }
  }
  await quarantineView(quarantine, run);
  for (const s of [charts, profiles, metrics, tables, files]) {
    if (s.children.length === 1) {
      s.remove();
    }
  }
}

function heading(a) {
  return h('h3', {}, (a.title || a.fileName).replace(/ \(data\)$/, ''), h('span', { class: 'muted' }, ` · step ${a.stepId}`));
}

/**
 * A chart step's data drawn again as an ECharts chart of its kind: points for scatter-chart,
 * a donut for pie-chart, boxes for box-plot, bars (with a choice of measure) for the others.
 */
function chartDataView(a, header, rows, pictures = []) {
  const title = (a.title || a.fileName).replace(/ \(data\)$/, '');
  let drawn = null;
  if (a.type === 'scatter-chart' && header.length >= 2) {
    drawn = chart(scatterOption(title, header, rows), { height: 420, label: `${title}, scatter chart of ${header[1]} against ${header[0]}` });
  } else if (a.type === 'pie-chart' && header.length >= 2) {
    drawn = chart(pieOption(title, header, rows), { label: `${title}, pie chart of ${header[1]} by ${header[0]}` });
  } else if (a.type === 'box-plot') {
    const option = boxOption(title, header, rows);
    drawn = option ? chart(option, { label: `${title}, box plot by ${header[0]}` }) : null;
  } else if (a.type === 'line-chart' && header.length >= 3) {
    drawn = chart(lineOption(title, header, rows), { label: `${title}, line chart of ${header[2]} over ${header[1]}` });
  } else if (a.type === 'histogram' && header.length >= 4) {
    drawn = chart(histogramOption(title, header, rows), { label: `${title}, histogram` });
  } else if ((a.type === 'heatmap' || a.type === 'confusion-matrix') && header.length >= 3) {
    drawn = chart(heatmapOption(title, header, rows), { height: 420, label: `${title}, heat map of ${header[2]} by ${header[0]} and ${header[1]}` });
  } else if ((a.type === 'roc-chart' || a.type === 'lift-chart') && header.length >= 3) {
    drawn = chart(curveOption(title, header, rows), { label: `${title}, ${header[2]} against ${header[1]} per ${header[0]}` });
  }
  if (!drawn && !BAR_LIKE.has(a.type) && pictures.some((p) => /\.png$/i.test(p.fileName))) {
    // A chart kind this page does not know (a newer step): the step's own picture, not bars that may mislead.
    const png = pictures.find((p) => /\.png$/i.test(p.fileName));
    drawn = h('div', { class: 'picture', 'data-href': png.href });
  }
  if (!drawn) {
    const numeric = new Set(numericColumns(header, rows));
    const seriesIndex = header.length >= 3 && !numeric.has(1) ? 1 : -1;
    const preferred = seriesIndex >= 0 ? 2 : 1;
    drawn = measureChart(title, header, rows, { preferred, seriesIndex });
  }
  const shown = rows.length > 200 ? rows.slice(0, 200) : rows;
  if (drawn && drawn.classList.contains('picture')) {
    const holder = drawn;
    api.blob(holder.dataset.href).then((b) => {
      const url = URL.createObjectURL(b);
      onLeave(() => URL.revokeObjectURL(url));
      holder.append(h('img', { src: url, alt: title, class: 'artifact-image' }));
    }).catch((e) => holder.append(notice('error', e.message)));
  }
  return h('figure', { class: 'chart-card', 'data-step-type': a.type, id: `chart-${a.stepId}` }, heading(a),
    drawn || notice('info', 'Nothing to plot.'),
    h('details', {}, h('summary', {}, `Data (${num(rows.length)} rows)`), csvTable(header, shown),
      rows.length > shown.length ? h('p', { class: 'muted' }, `The first ${num(shown.length)} of ${num(rows.length)} rows.`) : null,
      h('p', { class: 'file' }, 'Download: ', [a, ...pictures].map((f) => fileLink(f)))));
}

function fileLink(a) {
  const message = h('span', {});
  return h('span', {}, h('button', { type: 'button', class: 'link', onclick: () => download(a, message) }, a.fileName), ' ', message);
}

/** The cluster profile: one chart per measure (size, share, means), and the table. */
function profileView(a, header, rows) {
  const segments = rows.filter((r) => r[0] !== '(none)');
  return h('figure', { class: 'chart-card', id: `profile-${a.stepId}` }, heading(a),
    measureChart('Segments', header, segments, { preferred: header.indexOf('size') }) || null,
    csvTable(header, rows));
}

function tableView(a, header, rows) {
  const plot = rows.length > 1 && rows.length <= 60 ? measureChart(a.title || a.fileName, header, rows) : null;
  return h('details', { class: 'table-card' }, h('summary', {}, a.title || a.fileName, ` (step ${a.stepId}, ${num(rows.length)} rows)`),
    plot, csvTable(header, rows.slice(0, 200)),
    rows.length > 200 ? h('p', { class: 'muted' }, `The first 200 of ${num(rows.length)} rows.`) : null);
}

const cellNumber = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2, useGrouping: false });

function csvTable(header, rows) {
  const numeric = new Set(numericColumns(header, rows));
  return table(header.map((label, i) => ({ label, num: numeric.has(i),
    value: (r) => (numeric.has(i) && r[i] !== '' && r[i] !== undefined ? cellNumber.format(Number(r[i])) : r[i] ?? '') })), rows);
}

/** metrics.json: the figures at its top level and one level down, as a table. */
function metricsView(a, json) {
  const rows = [];
  const walk = (prefix, value, depth) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && depth < 2) {
      Object.entries(value).forEach(([k, v]) => walk(prefix ? `${prefix} · ${k}` : k, v, depth + 1));
    } else if (value === null || typeof value !== 'object') {
      rows.push([prefix, typeof value === 'number' ? Number(value.toPrecision(4)) : String(value)]);
    }
  };
  walk('', json, 0);
  return h('div', {}, heading(a), table([{ label: 'Measure', value: (r) => r[0] }, { label: 'Value', num: true, value: (r) => r[1] }], rows));
}

async function imageView(a) {
  const url = URL.createObjectURL(await api.blob(a.href));
  onLeave(() => URL.revokeObjectURL(url));
  return h('figure', { class: 'chart-card' }, heading(a), h('img', { src: url, alt: a.title || a.fileName, class: 'artifact-image' }));
}

function fileView(a) {
  const message = h('span', {});
  return h('p', { class: 'file' }, h('button', { type: 'button', class: 'link', onclick: () => download(a, message) },
    a.fileName), ` ${a.title || ''} (${a.kind.toLowerCase()}, step ${a.stepId}) `, message);
}

async function download(a, message) {
  try {
    const url = URL.createObjectURL(await api.blob(a.href));
    const link = h('a', { href: url, download: a.fileName });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (e) {
    clear(message, e.message);
  }
}

async function openBlob(path, message) {
  try {
    const url = URL.createObjectURL(await api.blob(path));
    window.open(url, '_blank', 'noopener');
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  } catch (e) {
    clear(message, problemNotice(e));
  }
}

/** Quarantined rows counted by step and kind of reason over all rows (the API streams the file), with masked examples. */
async function quarantineView(target, run) {
  if (!run.quarantined) {
    target.append(h('p', {}, 'No row was quarantined.'));
    return;
  }
  const summary = await api.get(`runs/${encodeURIComponent(run.runId)}/quarantine/summary`);
  const rows = summary.groups;
  target.append(
    h('p', { id: 'quarantine-total' }, `${num(summary.total)} rows quarantined`,
      summary.otherRows ? ` (${num(summary.otherRows)} of them for reasons beyond the ${num(rows.length)} shown)` : '', '.'),
    reasonsChart(new Map(rows.map((g) => [`${g.step}: ${g.reason}`, g.rows]))),
    table([
      { label: 'Step', value: (g) => g.step },
      { label: 'Reason', value: (g) => g.reason },
      { label: 'Rows', num: true, value: (g) => num(g.rows) },
      { label: 'Examples (masked)', value: (g) => h('ul', { class: 'examples muted' }, (g.examples || []).map((e) => h('li', {}, e))) },
    ], rows));
}
