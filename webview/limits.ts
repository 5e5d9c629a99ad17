/**
 * Renders a LimitsViewState: each limit's cgroup chain top-down with the level that sets it,
 * and usage over the last five minutes against the effective limit. Text goes in through
 * textContent only; the charts are SVG built element by element.
 */
import { formatLimitValue } from '../src/core/format';
import type { ChainView, LimitsViewState, UsageChartView, UsageSample } from '../src/shared/protocol';
import { request } from './api';
import { button, noticeBanner } from './common';
import { h, s } from './dom';

const WINDOW_MS = 5 * 60 * 1000;
const W = 520;
const H = 120;
const PAD_L = 4;
const PAD_T = 16;

export interface UsageView {
  samples: UsageSample[];
  unavailable?: string;
}

function chainCard(c: ChainView, state: LimitsViewState): HTMLElement {
  const L = state.labels;
  const card = h('section', { class: `chain${c.relative ? ' relative' : ''}`, 'data-key': c.key });
  card.appendChild(h('h3', {}, c.title, ' ', h('span', { class: 'sub mono' }, c.file)));
  if (c.unavailable !== undefined) {
    card.appendChild(h('div', { class: 'unavailable' }, c.unavailable));
  } else {
    const list = h('ol', { class: 'levels' });
    for (const l of c.levels) {
      const cls = ['level', l.binding ? 'binding' : '', l.own ? 'own' : ''].filter(Boolean).join(' ');
      list.appendChild(
        h(
          'li',
          { class: cls },
          h('span', { class: 'path mono' }, l.path),
          h('span', { class: 'value mono' }, l.value),
          l.binding ? h('span', { class: 'tag binding-tag' }, L.setsIt) : null,
          l.own ? h('span', { class: 'tag own-tag' }, L.own) : null,
        ),
      );
    }
    card.appendChild(list);
  }
  if (!c.relative) card.appendChild(h('div', { class: 'effective' }, c.effective));
  card.appendChild(h('p', { class: 'meaning', title: c.meaning.title }, c.meaning.summary));
  return card;
}

type Pick = (x: UsageSample) => number | null;

const PICK: Record<UsageChartView['key'], Pick> = {
  memory: (x) => x.memoryBytes,
  pids: (x) => x.pids,
  cpu: (x) => x.cpus,
};

function fmt(v: number, kind: UsageChartView['kind']): string {
  return formatLimitValue(kind === 'cpus' ? Math.round(v * 100) / 100 : v, kind);
}

/** One chart: the value over time, the limit as a dashed line, OOM kills and throttling as marks. */
function chart(c: UsageChartView, usage: UsageView, state: LimitsViewState): HTMLElement {
  const L = state.labels;
  const pick = PICK[c.key];
  const samples = usage.samples;
  const last = samples.length ? samples[samples.length - 1] : undefined;
  const now = last?.t ?? 0;
  const values = samples.map(pick).filter((v): v is number => v !== null);
  const top = Math.max(c.limit ?? 0, ...values, c.kind === 'cpus' ? 0.1 : 1) * 1.15;
  const x = (t: number): number => PAD_L + ((t - (now - WINDOW_MS)) / WINDOW_MS) * (W - PAD_L);
  const y = (v: number): number => PAD_T + (1 - v / top) * (H - PAD_T);
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-label': `${c.title}, ${L.lastMinutes}` });
  svg.appendChild(s('rect', { class: 'plot', x: 0, y: 0, width: W, height: H }));
  if (c.limit !== null) {
    svg.appendChild(s('line', { class: 'limit-line', x1: 0, x2: W, y1: y(c.limit), y2: y(c.limit) }));
    svg.appendChild(s('text', { class: 'limit-label', x: PAD_L + 2, y: y(c.limit) - 3 }, c.limitLabel));
  }
  if (c.key === 'cpu') {
    for (const p of samples) {
      if (p.throttled && p.throttled > 0) svg.appendChild(s('rect', { class: 'throttle', x: x(p.t) - 2, y: H - 8, width: 3, height: 8 }, s('title', {}, `${p.throttled} ${L.throttled}`)));
    }
  }
  // The line breaks where a sample is missing (the panel was hidden, or a read failed).
  let run: string[] = [];
  const flush = (): void => {
    if (run.length > 1) svg.appendChild(s('polyline', { class: 'usage-line', points: run.join(' ') }));
    else if (run.length === 1) {
      const [px, py] = run[0].split(',');
      svg.appendChild(s('circle', { class: 'usage-dot', cx: px, cy: py, r: 1.5 }));
    }
    run = [];
  };
  let prevT = -Infinity;
  for (const p of samples) {
    const v = pick(p);
    if (v === null || p.t - prevT > 5000) flush();
    if (v !== null) run.push(`${x(p.t).toFixed(1)},${y(v).toFixed(1)}`);
    prevT = p.t;
  }
  flush();
  if (c.key === 'memory') {
    const kills = samples.filter((p) => p.oomKills > 0);
    for (const p of kills) {
      const px = x(p.t);
      svg.appendChild(s('line', { class: 'oom-line', x1: px, x2: px, y1: 0, y2: H }, s('title', {}, `${L.oomKill} × ${p.oomKills}`)));
    }
    // One label, at the latest kill, with how many the window holds: many labels would overprint.
    const lastKill = kills[kills.length - 1];
    if (lastKill) {
      const px = x(lastKill.t);
      const total = kills.reduce((n, p) => n + p.oomKills, 0);
      const nearEnd = px > W - 80;
      svg.appendChild(s('text', { class: 'oom-label', x: nearEnd ? px - 3 : px + 3, y: 11, 'text-anchor': nearEnd ? 'end' : 'start' }, total > 1 ? `${L.oomKill} × ${total}` : L.oomKill));
    }
  }
  const current = last && pick(last) !== null ? fmt(pick(last) as number, c.kind) : '';
  return h(
    'figure',
    { class: `usage usage-${c.key}` },
    h('figcaption', {}, h('strong', {}, c.title), ' ', h('span', { class: 'mono' }, current), ' ', h('span', { class: 'sub' }, c.limitLabel)),
    svg,
  );
}

/** The usage section; redrawn on every sample. */
export function renderUsage(state: LimitsViewState, usage: UsageView): HTMLElement {
  const box = h('div', { class: 'usage-charts', id: 'usage' });
  if (usage.unavailable !== undefined) box.appendChild(h('div', { class: 'notice' }, usage.unavailable));
  if (usage.samples.length === 0 && usage.unavailable === undefined) box.appendChild(h('div', { class: 'sub' }, state.labels.waiting));
  for (const c of state.charts) box.appendChild(chart(c, usage, state));
  return box;
}

export function renderLimits(state: LimitsViewState, usage: UsageView): HTMLElement {
  const L = state.labels;
  const header = h('header', {}, h('h1', {}, state.title), h('div', { class: 'actions' }, button(L.refresh, () => void request('refresh'))));
  const root = h('div', { class: 'limits' }, header, noticeBanner(state.notice, state.status));
  root.appendChild(h('p', { class: 'sub' }, state.intro.summary));
  if (state.chains.length === 0) return root;
  root.appendChild(h('h2', {}, state.labels.usage, ' ', h('span', { class: 'sub' }, L.lastMinutes)));
  root.appendChild(h('p', { class: 'sub' }, state.usageNote.summary));
  root.appendChild(renderUsage(state, usage));
  root.appendChild(h('h2', {}, L.chain));
  const grid = h('div', { class: 'chains' });
  for (const c of state.chains) grid.appendChild(chainCard(c, state));
  root.appendChild(grid);
  return root;
}
