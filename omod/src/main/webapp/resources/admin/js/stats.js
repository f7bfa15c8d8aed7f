/*
 * The statistics panel: headline numbers, a bar chart of the last 24 hours drawn as inline SVG by
 * this code (no chart library: the page must work offline), and a per-target table.
 */
import * as api from './api.js';
import { h, replaceChildren, announce, errorText, formatDuration, uid } from './dom.js';
import { t } from './strings.js';

const SVG = 'http://www.w3.org/2000/svg';

function s(tag, attrs, ...children) {
  const element = document.createElementNS(SVG, tag);
  Object.keys(attrs || {}).forEach((name) => element.setAttribute(name, String(attrs[name])));
  children.forEach((child) => element.appendChild(child instanceof Node ? child : document.createTextNode(String(child))));
  return element;
}

/** A round axis maximum (1, 2, 5 × 10^n) at or above value, so grid labels are easy to read. */
function niceMax(value) {
  if (value <= 0) {
    return 1;
  }
  const power = Math.pow(10, Math.floor(Math.log10(value)));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= value) {
      return step * power;
    }
  }
  return 10 * power;
}

function hourLabel(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : String(date.getHours()).padStart(2, '0') + ':00';
}

/**
 * Grouped bars per hour: delivered (green) and failed attempts (red), with a y grid. The SVG has a
 * title and description for screen readers; the same numbers are in a table below it.
 */
export function drawChart(hours) {
  // Drawn at about the size it is shown at 1366 px, so that 12 px text stays 12 px.
  const width = 720;
  const height = 230;
  const margin = { top: 14, right: 10, bottom: 28, left: 44 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const max = niceMax(Math.max(1, ...hours.map((hr) => Math.max(hr.delivered || 0, hr.failedAttempts || 0))));
  const slot = hours.length ? plotW / hours.length : plotW;
  const barW = Math.max(2, Math.min(16, slot * 0.36));
  const y = (value) => margin.top + plotH - (value / max) * plotH;
  const titleId = uid('chart-title');
  const descId = uid('chart-desc');
  const totalDelivered = hours.reduce((sum, hr) => sum + (hr.delivered || 0), 0);
  const totalFailed = hours.reduce((sum, hr) => sum + (hr.failedAttempts || 0), 0);

  const svg = s('svg', { viewBox: '0 0 ' + width + ' ' + height, class: 'chart', role: 'img',
    'aria-labelledby': titleId + ' ' + descId, preserveAspectRatio: 'xMidYMid meet' },
  s('title', { id: titleId }, t('stats.chartTitle')),
  s('desc', { id: descId }, t('stats.chartDesc', { delivered: totalDelivered, failed: totalFailed })));

  for (let i = 0; i <= 4; i += 1) {
    const value = (max / 4) * i;
    const gy = y(value);
    svg.appendChild(s('line', { x1: margin.left, x2: width - margin.right, y1: gy, y2: gy, class: i === 0 ? 'axis' : 'grid' }));
    svg.appendChild(s('text', { x: margin.left - 8, y: gy + 4, class: 'tick', 'text-anchor': 'end' },
      Number.isInteger(value) ? value : value.toFixed(1)));
  }
  hours.forEach((hr, index) => {
    const x0 = margin.left + index * slot + (slot - 2 * barW - 2) / 2;
    const delivered = hr.delivered || 0;
    const failed = hr.failedAttempts || 0;
    const group = s('g', { class: 'bar-group' },
      s('title', null, t('stats.barTitle', { hour: hourLabel(hr.hour), delivered, failed })),
      s('rect', { x: x0, y: y(delivered), width: barW, height: Math.max(0, y(0) - y(delivered)), class: 'bar-delivered' }),
      s('rect', { x: x0 + barW + 2, y: y(failed), width: barW, height: Math.max(0, y(0) - y(failed)), class: 'bar-failed' }));
    svg.appendChild(group);
    // Every third hour label keeps the axis legible at 1366 px.
    if (index % 3 === 0) {
      svg.appendChild(s('text', { x: margin.left + index * slot + slot / 2, y: height - 10, class: 'tick', 'text-anchor': 'middle' },
        hourLabel(hr.hour)));
    }
  });
  return svg;
}

function card(label, value, options = {}) {
  return h('div', { class: 'card' + (options.alert ? ' card-alert' : '') },
    h('div', { class: 'card-label' }, label),
    h('div', { class: 'card-value' }, value),
    options.hint ? h('div', { class: 'card-hint' }, options.hint) : null);
}

function percent(rate) {
  if (rate === null || rate === undefined) {
    return t('common.none');
  }
  // successRate is a fraction, 0..1 (api.js getStats).
  return (rate * 100).toFixed(1) + ' %';
}

/** Returns {element, refresh()}. */
export function createStatsPanel() {
  const body = h('div', { class: 'stats-body' });
  const element = h('section', { class: 'panel-inner', 'aria-labelledby': 'stats-heading' },
    h('div', { class: 'toolbar' }, h('h2', { id: 'stats-heading' }, t('stats.heading')), h('span', { class: 'spacer' }),
      h('button', { type: 'button', class: 'button', onclick: () => refresh() }, t('common.refresh'))),
    body);

  async function refresh() {
    body.setAttribute('aria-busy', 'true');
    try {
      render(await api.getStats());
    } catch (error) {
      announce(errorText(error), true);
    } finally {
      body.removeAttribute('aria-busy');
    }
  }

  function render(stats) {
    const hours = stats.lastDay || [];
    const captureFailures = stats.captureFailures || 0;
    replaceChildren(body,
      h('div', { class: 'cards' },
        card(t('stats.queueDepth'), String(stats.queueDepth || 0)),
        card(t('stats.oldestPending'), stats.oldestPendingAgeMillis ? formatDuration(stats.oldestPendingAgeMillis) : t('common.none')),
        card(t('stats.awaitingFanOut'), String(stats.eventsAwaitingFanOut || 0)),
        card(t('stats.delivered'), String(stats.delivered || 0)),
        card(t('stats.failed'), String(stats.failed || 0)),
        card(t('stats.dead'), String(stats.dead || 0), { alert: (stats.dead || 0) > 0 }),
        card(t('stats.captureFailures'), String(captureFailures), { alert: captureFailures > 0,
          hint: captureFailures > 0 ? t('stats.captureFailuresHint') : null })),
      h('div', { class: 'stats-columns' },
        h('figure', { class: 'chart-box' },
          h('figcaption', null, t('stats.chartTitle'),
            h('span', { class: 'legend' },
              h('span', { class: 'swatch swatch-delivered', 'aria-hidden': 'true' }), t('stats.legend.delivered'),
              h('span', { class: 'swatch swatch-failed', 'aria-hidden': 'true' }), t('stats.legend.failed'))),
          hours.length ? drawChart(hours) : h('p', { class: 'empty' }, t('stats.noData')),
          hours.length ? h('details', { class: 'chart-table' }, h('summary', null, t('stats.asTable')),
            h('table', { class: 'data' },
              h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('stats.col.hour')),
                h('th', { scope: 'col' }, t('stats.legend.delivered')), h('th', { scope: 'col' }, t('stats.legend.failed')))),
              h('tbody', null, hours.map((hr) => h('tr', null, h('td', null, hourLabel(hr.hour)),
                h('td', { class: 'num' }, String(hr.delivered || 0)), h('td', { class: 'num' }, String(hr.failedAttempts || 0)))))))
            : null),
        h('div', { class: 'per-target' },
          h('h3', null, t('stats.perTarget')),
          (stats.targets || []).length ? h('table', { class: 'data' },
            h('thead', null, h('tr', null, ['target', 'pending', 'delivered', 'failed', 'dead', 'successRate', 'p50', 'p95'].map((key) =>
              h('th', { scope: 'col' }, t('stats.col.' + key))))),
            h('tbody', null, stats.targets.map((row) => h('tr', null,
              h('th', { scope: 'row' }, row.targetName),
              h('td', { class: 'num' }, String(row.pending || 0)),
              h('td', { class: 'num' }, String(row.delivered || 0)),
              h('td', { class: 'num' }, String(row.failed || 0)),
              h('td', { class: 'num' }, String(row.dead || 0)),
              h('td', { class: 'num' }, percent(row.successRate)),
              h('td', { class: 'num' }, formatDuration(row.latencyP50Millis)),
              h('td', { class: 'num' }, formatDuration(row.latencyP95Millis))))))
            : h('p', { class: 'empty' }, t('stats.noData')))));
  }

  return { element, refresh };
}
