// Interactive charts with Apache ECharts (vendor/echarts/echarts.min.js, loaded as the global
// `echarts`), drawn from the numbers the steps wrote (their CSV artifacts), not from images.

import { h, onLeave } from './ui.js';

// The server-side charts' palette (ChartLook.PALETTE, Okabe-Ito, colour-blind safe) in the same
// order, so segment C0 has the same colour here as in the run's PNG and SVG charts.
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#7F5F00'];

/** A chart in a container of its own; disposed when the page is left, resized with the window. */
export function chart(option, { height = 320, label } = {}) {
  const box = h('div', { class: 'chart', role: 'img', 'aria-label': label || option.title?.text || 'chart',
    style: `height: ${height}px` });
  // ECharts needs the box in the document with its size: draw on the next frame.
  requestAnimationFrame(() => {
    if (!box.isConnected || typeof echarts === 'undefined') {
      return;
    }
    const instance = echarts.init(box, null, { renderer: 'canvas' });
    instance.setOption({
      color: PALETTE,
      aria: { enabled: true },
      animationDuration: 300,
      textStyle: { fontFamily: 'system-ui, sans-serif', fontSize: 13 },
      grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', confine: true },
      ...option,
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box);
    onLeave(() => {
      observer.disconnect();
      instance.dispose();
    });
    box.echarts = instance;
  });
  return box;
}

export function isNumber(text) {
  return text !== '' && text !== null && text !== undefined && !Number.isNaN(Number(text));
}

/** Indexes of the columns whose non-empty cells are all numbers (and that have some). */
export function numericColumns(header, rows) {
  return header.map((_, i) => i).filter((i) => {
    const cells = rows.map((r) => r[i]).filter((c) => c !== '' && c !== undefined);
    return cells.length > 0 && cells.every(isNumber);
  });
}

/** A bar chart of one numeric column against the first column, one bar group per series value. */
export function barOption(title, header, rows, valueIndex, seriesIndex = -1) {
  const categories = [...new Set(rows.map((r) => r[0]))];
  const seriesNames = seriesIndex >= 0 ? [...new Set(rows.map((r) => r[seriesIndex]))] : [header[valueIndex]];
  const series = seriesNames.map((name) => ({
    name,
    type: 'bar',
    emphasis: { focus: 'series' },
    data: categories.map((c) => {
      const row = rows.find((r) => r[0] === c && (seriesIndex < 0 || r[seriesIndex] === name));
      return row && isNumber(row[valueIndex]) ? Number(row[valueIndex]) : null;
    }),
  }));
  if (series.length === 1) {
    // One colour per category (per segment), as the chart steps draw them.
    series[0].colorBy = 'data';
  }
  return {
    title: { text: title, left: 0, textStyle: { fontSize: 15, fontWeight: 'normal', color: '#5a6472' } },
    legend: seriesNames.length > 1 ? { top: 24, type: 'scroll' } : undefined,
    grid: { left: 8, right: 16, top: seriesNames.length > 1 ? 64 : 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, fontSize: 13, rotate: categories.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', axisLabel: { fontSize: 13 } },
    series,
  };
}

/**
 * A table's numbers as a bar chart with a choice of the measure (for a cluster profile: size,
 * share, the mean of each column per segment). Null when the table has nothing to plot.
 */
export function measureChart(title, header, rows, { preferred, seriesIndex = -1 } = {}) {
  const measures = numericColumns(header, rows).filter((i) => i !== 0 && i !== seriesIndex);
  if (!measures.length || !rows.length) {
    return null;
  }
  let current = measures.includes(preferred) ? preferred : measures[0];
  const holder = h('div', {});
  const draw = () => holder.replaceChildren(chart(barOption(`${title}: ${header[current]}`, header, rows, current, seriesIndex),
    { label: `${title}, bar chart of ${header[current]} by ${header[0]}` }));
  const id = `measure-${Math.random().toString(36).slice(2)}`;
  const select = measures.length > 1
    ? h('div', { class: 'field-inline' },
      h('label', { for: id }, 'Show'),
      h('select', { id, onchange: (e) => { current = Number(e.target.value); draw(); } },
        measures.map((i) => h('option', { value: String(i), selected: i === current }, header[i]))))
    : null;
  draw();
  return h('div', { class: 'measure-chart' }, select, holder);
}

/** Rows quarantined per reason (and step), as a horizontal bar chart. */
export function reasonsChart(counts) {
  const entries = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).reverse();
  return chart({
    title: { text: 'Quarantined rows by reason', left: 0, textStyle: { fontSize: 15, fontWeight: 'normal', color: '#5a6472' } },
    tooltip: { trigger: 'item', confine: true },
    // Room for the reasons on the left; a long one is cut there and whole in the tooltip and table.
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: entries.map(([k]) => k), axisLabel: { fontSize: 12, width: Math.min(260, Math.round(window.innerWidth * 0.4)), overflow: 'truncate' } },
    series: [{ type: 'bar', data: entries.map(([, v]) => v), name: 'rows', color: '#b5446e' }],
  }, { height: Math.max(160, 60 + entries.length * 28), label: 'Quarantined rows by reason' });
}
