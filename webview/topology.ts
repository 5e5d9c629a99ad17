/**
 * Renders a TopologyViewState as SVG built element by element. Every label is a text node,
 * so hostile names show literally. One lane per network, drawn left to right.
 */
import type { TopologyLane, TopologyNode, TopologyViewState } from '../src/shared/protocol';
import { post } from './api';
import { button, noticeBanner } from './common';
import { h, s } from './dom';

const CHAR_W = 7.2;
const LINE_H = 16;
const PAD = 10;
const GAP = 96;
const MIN_W = 150;
const MAX_W = 300;
const LANE_GAP = 36;

/** Approximate advance of a monospace string; wide (CJK) characters count twice. */
function textWidth(t: string): number {
  let n = 0;
  for (const ch of t) n += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return n * CHAR_W;
}

/** `t` cut with … to fit `max` pixels (a node's inner width unless told otherwise). */
function fit(t: string, max = MAX_W - 2 * PAD): string {
  if (textWidth(t) <= max) return t;
  let out = '';
  for (const ch of t) {
    if (textWidth(out + ch + '…') > max) break;
    out += ch;
  }
  return out + '…';
}

/** Rows a long line (a reason, such as why there is no veth) may take before it is cut. */
const MAX_WRAP = 4;

/** `t` broken at spaces into rows that fit a node, at most MAX_WRAP, the last cut with … if need be. */
function wrap(t: string, max = MAX_W - 2 * PAD): string[] {
  if (textWidth(t) <= max) return [t];
  const rows: string[] = [];
  let row = '';
  const words = t.split(' ');
  for (let i = 0; i < words.length; i++) {
    const next = row ? `${row} ${words[i]}` : words[i];
    if (textWidth(next) <= max || !row) {
      row = next;
      continue;
    }
    rows.push(row);
    row = words[i];
    if (rows.length === MAX_WRAP - 1) {
      row = words.slice(i).join(' ');
      break;
    }
  }
  rows.push(row);
  return rows.map((r) => fit(r, max));
}

/** A node's lines as drawn: each wrapped to the node's width. */
function drawnLines(n: TopologyNode): string[] {
  return n.lines.flatMap((l) => wrap(l));
}

function nodeSize(n: TopologyNode): { w: number; h: number } {
  const widest = Math.max(textWidth(n.title) + 8, ...n.lines.map(textWidth));
  return { w: Math.min(MAX_W, Math.max(MIN_W, widest + 2 * PAD)), h: 28 + LINE_H * drawnLines(n).length };
}

function open(id: string): void {
  post({ type: 'openTopology', id });
}

function drawNode(n: TopologyNode, x: number, y: number, w: number, hgt: number): SVGGElement {
  const tip = [n.title, ...n.lines, n.note ? `${n.note.title}: ${n.note.summary}` : ''].filter(Boolean).join('\n');
  const g = s('g', { class: `node role-${n.role}${n.openId ? ' clickable' : ''}`, transform: `translate(${x},${y})` });
  g.appendChild(s('title', {}, tip));
  g.appendChild(s('rect', { width: w, height: hgt, rx: 4, ry: 4 }));
  g.appendChild(s('text', { x: PAD, y: 18, class: 'node-title' }, fit(n.title)));
  drawnLines(n).forEach((line, i) => g.appendChild(s('text', { x: PAD, y: 18 + LINE_H * (i + 1), class: 'node-line' }, line)));
  if (n.openId) {
    const id = n.openId;
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    g.setAttribute('aria-label', n.title);
    g.addEventListener('click', () => open(id));
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open(id);
      }
    });
  }
  return g;
}

function link(x1: number, y1: number, x2: number, y2: number, label: string, cls: string): SVGGElement {
  const g = s('g', { class: `link ${cls}` });
  g.appendChild(s('line', { x1, y1, x2, y2, 'marker-end': cls.includes('arrow') ? 'url(#arrow)' : undefined }));
  if (label) g.appendChild(s('text', { x: (x1 + x2) / 2, y: Math.min(y1, y2) - 6, 'text-anchor': 'middle', class: 'link-label' }, fit(label)));
  return g;
}

interface Drawn {
  g: SVGGElement;
  w: number;
  h: number;
}

function drawChain(lane: TopologyLane, y0: number): Drawn {
  const g = s('g', { class: `lane layout-${lane.layout}` });
  // A lane's heading runs above the whole lane, not inside one node: cut it only at three
  // nodes' width ("이 네트워크 네임스페이스를 함께 쓰는 컨테이너" is wider than one node).
  const heading = fit(lane.heading, 3 * MAX_W);
  g.appendChild(s('text', { x: 0, y: y0 + 14, class: 'lane-heading' }, heading));
  const top = y0 + 28;
  const sizes = lane.chain.map(nodeSize);
  const rowH = Math.max(...sizes.map((z) => z.h));

  if (lane.layout === 'host' && lane.chain.length === 2) {
    // The container sits inside the host's network namespace: a box in a box, no veth.
    const [inner, outer] = lane.chain;
    const iz = sizes[0];
    const oz = { w: Math.max(sizes[1].w, iz.w + 2 * PAD * 2), h: sizes[1].h + iz.h + 2 * PAD };
    g.appendChild(drawNode(outer, 0, top, oz.w, oz.h));
    g.appendChild(drawNode(inner, 2 * PAD, top + sizes[1].h, iz.w, iz.h));
    return { g, w: Math.max(oz.w, textWidth(heading)), h: oz.h + 28 };
  }

  let x = 0;
  const xs: number[] = [];
  lane.chain.forEach((n, i) => {
    xs.push(x);
    g.appendChild(drawNode(n, x, top, sizes[i].w, sizes[i].h));
    const label = lane.links[i] ?? '';
    const gap = Math.max(GAP, Math.min(textWidth(label), MAX_W) + 24);
    if (i < lane.chain.length - 1) {
      const cls = lane.layout === 'container' ? 'arrow dashed' : '';
      g.appendChild(link(x + sizes[i].w, top + 20, x + sizes[i].w + gap, top + 20, label, cls));
      x += sizes[i].w + gap;
    } else {
      x += sizes[i].w;
    }
  });
  let width = Math.max(x, textWidth(heading));
  let height = rowH + 28;

  if (lane.peers.length > 0) {
    const d = drawPeers(lane, xs[anchorIndex(lane)] + sizes[anchorIndex(lane)].w / 2, top + sizes[anchorIndex(lane)].h, top + rowH + 28, Math.max(width, 4 * (MIN_W + 16)));
    g.appendChild(d.g);
    width = Math.max(width, d.w);
    height = Math.max(height, d.h - y0);
  }
  return { g, w: width, h: height };
}

/** Peers hang below the bridge (or the network node for macvlan and others). */
function anchorIndex(lane: TopologyLane): number {
  return Math.max(0, lane.chain.findIndex((n) => n.role === 'bridge' || n.role === 'network'));
}

const MAX_PEERS = 60;
const PEER_GAP = 16;

/**
 * Peers in rows under a bus: a trunk from the anchor down to the first bus, a gutter line on
 * the left joining the buses of later rows, and a short drop to each peer.
 */
function drawPeers(lane: TopologyLane, ax: number, ay: number, y: number, maxWidth: number): { g: SVGGElement; w: number; h: number } {
  const g = s('g', { class: 'peers' });
  const shown = lane.peers.slice(0, MAX_PEERS);
  const cellW = Math.max(...shown.map((p) => nodeSize(p).w));
  const cellH = Math.max(...shown.map((p) => nodeSize(p).h));
  const perRow = Math.max(1, Math.floor((maxWidth + PEER_GAP) / (cellW + PEER_GAP)));
  const rows = Math.ceil(shown.length / perRow);
  const gutter = -8;
  let bottom = y;
  let right = 0;
  for (let r = 0; r < rows; r++) {
    const rowTop = y + 16 + r * (cellH + 32);
    const busY = rowTop - 12;
    const items = shown.slice(r * perRow, (r + 1) * perRow);
    const rowEnd = (items.length - 1) * (cellW + PEER_GAP) + cellW / 2;
    g.appendChild(link(gutter, busY, Math.max(ax, rowEnd), busY, '', 'peer-link'));
    items.forEach((p, i) => {
      const px = i * (cellW + PEER_GAP);
      g.appendChild(link(px + cellW / 2, busY, px + cellW / 2, rowTop, '', 'peer-link'));
      g.appendChild(drawNode(p, px, rowTop, cellW, cellH));
      right = Math.max(right, px + cellW);
    });
    bottom = rowTop + cellH;
  }
  g.appendChild(link(ax, ay, ax, y + 4, '', 'peer-link'));
  if (rows > 1) g.appendChild(link(gutter, y + 4, gutter, y + 4 + (rows - 1) * (cellH + 32), '', 'peer-link'));
  if (lane.peers.length > shown.length) {
    bottom += 22;
    g.appendChild(s('text', { x: 0, y: bottom, class: 'node-line' }, `+${lane.peers.length - shown.length}`));
  }
  return { g, w: right, h: bottom + 8 };
}

/** The diagram's text size (panels.css) and the smallest it may be scaled down to. */
const TEXT_PX = 12;
const MIN_TEXT_PX = 10;

function diagram(state: TopologyViewState): SVGSVGElement {
  const svg = s('svg', { class: 'topology', role: 'img', 'aria-label': state.title });
  const defs = s('defs');
  const marker = s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto-start-reverse' });
  marker.appendChild(s('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow-head' }));
  defs.appendChild(marker);
  svg.appendChild(defs);
  let y = 0;
  let width = 0;
  const body = s('g', { transform: 'translate(16,8)' });
  for (const lane of state.lanes) {
    const d = drawChain(lane, y);
    body.appendChild(d.g);
    y += d.h + LANE_GAP;
    width = Math.max(width, d.w);
  }
  svg.appendChild(body);
  const W = width + 40;
  const H = Math.max(y, 40) + 8;
  svg.setAttribute('width', String(W));
  svg.setAttribute('height', String(H));
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  // Scaled down to the panel's width, but no further than text of 10 px: beyond that it scrolls.
  svg.style.minWidth = `${Math.ceil((W * MIN_TEXT_PX) / TEXT_PX)}px`;
  return svg;
}

export function renderTopology(state: TopologyViewState): HTMLElement {
  const L = state.labels;
  const actions = h('div', { class: 'actions' });
  if (state.status === 'ok' && state.canCompare) {
    actions.appendChild(button(L.compareWithHost, () => post({ type: 'compareWith', left: { kind: 'container', id: state.container.id }, right: { kind: 'host' } })));
  }
  const header = h('header', {}, h('h1', {}, state.title), actions);
  const meta = h(
    'p',
    { class: 'meta' },
    h('span', { class: 'mono' }, state.container.image),
    state.container.state ? h('span', { class: 'tag' }, state.container.state) : null,
  );
  const mode = state.modeNote.title ? h('p', { class: 'mode' }, h('strong', {}, state.modeNote.title), ' ', state.modeNote.summary) : null;
  const root = h('div', { class: 'topology-view' }, header, noticeBanner(state.notice, state.status), meta, mode);
  if (state.lanes.length === 0) {
    if (state.status === 'ok') root.appendChild(h('p', { class: 'empty' }, L.noNetworks));
    return root;
  }
  root.appendChild(h('div', { class: 'diagram' }, diagram(state)));
  return root;
}
