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

const TITLE_STYLE = { fontSize: 15, fontWeight: 'normal', color: '#5a6472' };
/** An axis name beside the axis top, not centred on it (where it would be cut at the left edge). */
const Y_NAME = { align: 'left' };

/** Points drawn at most in the browser; the scatter step has sampled to its own maxPoints already. */
export const MAX_SCATTER_POINTS = 5000;

/** A small seeded generator (mulberry32): the same data gives the same sample, as in the step. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A uniform random sample of at most `max` items with a fixed seed (reservoir sampling, one
 * pass), kept in input order: what the scatter-chart step does beyond its maxPoints.
 */
export function samplePoints(items, max, seed = 42) {
  if (items.length <= max) {
    return items;
  }
  const random = seeded(seed);
  const picked = items.slice(0, max).map((_, i) => i);
  for (let i = max; i < items.length; i++) {
    const j = Math.floor(random() * (i + 1));
    if (j < max) {
      picked[j] = i;
    }
  }
  return picked.sort((a, b) => a - b).map((i) => items[i]);
}

/**
 * The scatter-chart step's data (x, y and an optional series column, the points as it drew
 * them) as an ECharts scatter chart, one colour per series; beyond MAX_SCATTER_POINTS a fixed-seed
 * sample, which the title says.
 */
export function scatterOption(title, header, rows) {
  const seriesIndex = header.length >= 3 ? 2 : -1;
  const usable = rows.filter((r) => r[0] !== '' && r[1] !== '' && r[0] !== undefined && isNumber(r[1]));
  const points = samplePoints(usable, MAX_SCATTER_POINTS);
  const xNumeric = points.every((r) => isNumber(r[0]));
  const xValue = (r) => (xNumeric ? Number(r[0]) : r[0]);
  const names = seriesIndex >= 0
    ? [...new Set(points.map((r) => r[seriesIndex]))].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))
    : [header[1]];
  const large = points.length > 2000;
  const series = names.map((name) => ({
    name,
    type: 'scatter',
    symbolSize: large ? 4 : 7,
    large,
    itemStyle: { opacity: large ? 0.45 : 0.75 },
    emphasis: { focus: 'series' },
    data: points.filter((r) => seriesIndex < 0 || r[seriesIndex] === name).map((r) => [xValue(r), Number(r[1])]),
  }));
  const note = points.length < usable.length
    ? ` (random sample of ${points.length.toLocaleString()} of ${usable.length.toLocaleString()} points)` : '';
  return {
    title: { text: title + note, left: 0, textStyle: TITLE_STYLE },
    legend: names.length > 1 ? { top: 24, type: 'scroll' } : undefined,
    grid: { left: 8, right: 24, top: names.length > 1 ? 80 : 56, bottom: 28, containLabel: true },
    tooltip: { trigger: 'item', confine: true,
      formatter: (p) => `${p.seriesName}<br>${header[0]}: ${p.value[0]}<br>${header[1]}: ${p.value[1]}` },
    xAxis: { type: xNumeric ? 'value' : 'time', name: header[0], nameLocation: 'middle', nameGap: 28, scale: true },
    yAxis: { type: 'value', name: header[1], nameTextStyle: Y_NAME, scale: true },
    dataZoom: [{ type: 'inside', xAxisIndex: 0 }, { type: 'inside', yAxisIndex: 0 }],
    series,
  };
}

/**
 * A category's colour by its place in natural order among all categories (C0, C1, ... C10),
 * as the chart steps colour them: the pie's slices, sorted by size, keep the bars' colours.
 */
export function categoryColour(categories, category) {
  const sorted = [...new Set(categories)].sort((a, b) => String(a).localeCompare(String(b), undefined, { numeric: true }));
  return PALETTE[sorted.indexOf(category) % PALETTE.length];
}

/** The pie-chart step's data (category, measure, share, rows) as an ECharts pie (donut). */
export function pieOption(title, header, rows) {
  return {
    title: { text: title, left: 0, textStyle: TITLE_STYLE },
    tooltip: { trigger: 'item', confine: true, formatter: '{b}: {c} ({d}%)' },
    legend: { top: 24, type: 'scroll' },
    series: [{ type: 'pie', radius: ['35%', '65%'], top: 40, name: header[1],
      data: rows.filter((r) => isNumber(r[1])).map((r) => ({ name: r[0], value: Number(r[1]),
        itemStyle: { color: categoryColour(rows.map((x) => x[0]), r[0]) } })) }],
  };
}

/**
 * The box-plot step's data (box, rows, values, mean, min, lower_whisker, q1, median, q3,
 * upper_whisker, max, ...) as an ECharts box plot with the whiskers the step computed.
 */
export function boxOption(title, header, rows) {
  const col = (name) => header.indexOf(name);
  const parts = ['lower_whisker', 'q1', 'median', 'q3', 'upper_whisker'].map(col);
  if (parts.some((i) => i < 0)) {
    return null;
  }
  const boxes = rows.filter((r) => parts.every((i) => isNumber(r[i])));
  return {
    title: { text: title, left: 0, textStyle: TITLE_STYLE },
    tooltip: { trigger: 'item', confine: true },
    xAxis: { type: 'category', data: boxes.map((r) => r[0]) },
    yAxis: { type: 'value', scale: true },
    series: [{ type: 'boxplot', name: header[0], colorBy: 'data',
      data: boxes.map((r) => parts.map((i) => Number(r[i]))) }],
  };
}

/** The line-chart step's data (line, x, measure, [lower, upper], rows): one line per value of the first column. */
export function lineOption(title, header, rows) {
  const names = [...new Set(rows.map((r) => r[0]))];
  const xNumeric = rows.every((r) => isNumber(r[1]));
  const xs = [...new Set(rows.map((r) => r[1]))];
  if (xNumeric) {
    xs.sort((a, b) => Number(a) - Number(b));
  }
  return {
    title: { text: title, left: 0, textStyle: TITLE_STYLE },
    legend: names.length > 1 ? { top: 24, type: 'scroll' } : undefined,
    grid: { left: 8, right: 24, top: names.length > 1 ? 80 : 56, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: xs, name: header[1] },
    yAxis: { type: 'value', name: header[2], nameTextStyle: Y_NAME, scale: true },
    series: names.map((name) => ({
      name: name || header[2], type: 'line', showSymbol: xs.length <= 60, emphasis: { focus: 'series' },
      data: xs.map((x) => {
        const row = rows.find((r) => r[0] === name && r[1] === x);
        return row && isNumber(row[2]) ? Number(row[2]) : null;
      }),
    })),
  };
}

/** The histogram step's data (series, bin_from, bin_to, rows): bars per bin, one series per value of the first column. */
export function histogramOption(title, header, rows) {
  const label = (r) => `${Number(r[1]).toLocaleString()}–${Number(r[2]).toLocaleString()}`;
  const bins = [...new Set(rows.map(label))];
  const names = [...new Set(rows.map((r) => r[0]))];
  return {
    title: { text: title, left: 0, textStyle: TITLE_STYLE },
    legend: names.length > 1 ? { top: 24, type: 'scroll' } : undefined,
    grid: { left: 8, right: 16, top: names.length > 1 ? 80 : 56, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: bins, name: header[1].replace(/_from$/, '') },
    yAxis: { type: 'value', name: header[3], nameTextStyle: Y_NAME, minInterval: 1 },
    series: names.map((name) => ({
      name: name || 'rows', type: 'bar', barCategoryGap: '2%', emphasis: { focus: 'series' },
      data: bins.map((b) => {
        const row = rows.find((r) => r[0] === name && label(r) === b);
        return row && isNumber(row[3]) ? Number(row[3]) : 0;
      }),
    })),
  };
}

/**
 * A grid of values as an ECharts heat map: the heatmap step's data (x, y, value, rows) or the
 * confusion matrix's (actual, predicted, count, share_of_actual); the cell's colour is the
 * value, its label too.
 */
export function heatmapOption(title, header, rows) {
  const cells = rows.filter((r) => isNumber(r[2]));
  const natural = (a, b) => String(a).localeCompare(String(b), undefined, { numeric: true });
  const xs = [...new Set(cells.map((r) => r[0]))].sort(natural);
  const ys = [...new Set(cells.map((r) => r[1]))].sort(natural);
  const values = cells.map((r) => Number(r[2]));
  return {
    title: { text: title, left: 0, textStyle: TITLE_STYLE },
    tooltip: { trigger: 'item', confine: true,
      formatter: (p) => `${header[0]}: ${xs[p.value[0]]}<br>${header[1]}: ${ys[p.value[1]]}<br>${header[2]}: ${p.value[2]}` },
    grid: { left: 8, right: 96, top: 56, bottom: 36, containLabel: true },
    xAxis: { type: 'category', data: xs, name: header[0], nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'category', data: ys, name: header[1], nameTextStyle: Y_NAME },
    visualMap: { min: Math.min(...values), max: Math.max(...values), calculable: true, orient: 'vertical',
      right: 0, top: 'middle', inRange: { color: ['#f7fbff', '#6baed6', '#08306b'] } },
    series: [{ type: 'heatmap', name: header[2], label: { show: xs.length * ys.length <= 100 },
      data: cells.map((r) => [xs.indexOf(r[0]), ys.indexOf(r[1]), Number(r[2])]) }],
  };
}

/** A curve per class (ROC, lift: class, x, y), both axes numeric. */
export function curveOption(title, header, rows) {
  const names = [...new Set(rows.map((r) => r[0]))];
  return {
    title: { text: title, left: 0, textStyle: TITLE_STYLE },
    legend: names.length > 1 ? { top: 24, type: 'scroll' } : undefined,
    grid: { left: 8, right: 24, top: names.length > 1 ? 80 : 56, bottom: 28, containLabel: true },
    tooltip: { trigger: 'axis', confine: true },
    xAxis: { type: 'value', name: header[1], nameLocation: 'middle', nameGap: 28, scale: true },
    yAxis: { type: 'value', name: header[2], nameTextStyle: Y_NAME, scale: true },
    series: names.map((name) => ({ name, type: 'line', showSymbol: false,
      data: rows.filter((r) => r[0] === name && isNumber(r[1]) && isNumber(r[2])).map((r) => [Number(r[1]), Number(r[2])]) })),
  };
}
