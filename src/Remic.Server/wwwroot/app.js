// Remic web app: plain JavaScript over the HTTP API (no build step, no network beyond this server).
// Every text from a deal file or the ledger goes into the page with textContent or as an attribute value, never as HTML.
'use strict';

const $main = document.getElementById('main');
const $key = document.getElementById('api-key');
$key.value = sessionStorage.getItem('remic-api-key') || '';
$key.addEventListener('change', () => sessionStorage.setItem('remic-api-key', $key.value));

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'value') e.value = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}
const svgEl = (tag, attrs, text) => {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
};

function toast(text) {
  const t = document.getElementById('toast');
  t.textContent = text; t.style.display = 'block';
  clearTimeout(toast.timer); toast.timer = setTimeout(() => { t.style.display = 'none'; }, 3000);
}

class Problem extends Error {
  constructor(p) { super(p.detail || p.title); this.problem = p; }
}

async function api(method, path, body, opts = {}) {
  const headers = {};
  if (opts.write && $key.value) headers['X-Api-Key'] = $key.value;
  let payload = body;
  if (body !== undefined && !(body instanceof FormData) && typeof body !== 'string') { headers['Content-Type'] = 'application/json'; payload = JSON.stringify(body); }
  if (typeof body === 'string') headers['Content-Type'] = opts.type || 'application/yaml';
  const r = await fetch(path, { method, headers, body: payload });
  if (!r.ok) {
    const ct = r.headers.get('Content-Type') || '';
    throw new Problem(ct.includes('json') ? await r.json() : { title: r.statusText, detail: await r.text(), status: r.status });
  }
  if (opts.blob) return r.blob();
  const ct = r.headers.get('Content-Type') || '';
  return ct.includes('json') ? r.json() : r.text();
}

function problemBox(e) {
  const p = e.problem || { title: 'Error', detail: String(e) };
  return el('div', { class: 'problem', 'data-testid': 'problem' }, `${p.title}: ${p.detail}`,
    p.errors && p.errors.length > 1 ? el('ul', {}, p.errors.map(x => el('li', {}, x.message))) : null);
}

function download(blob, name) {
  const a = el('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a); a.click(); a.remove();
}

function table(t, opts = {}) {
  // t: {header, rows} as the API's tables give them
  return el('table', { 'data-testid': opts.testid },
    el('thead', {}, el('tr', {}, t.header.map(h => el('th', {}, h)))),
    el('tbody', {}, t.rows.map(r => el('tr', {}, r.map((c, i) => el('td', { class: opts.left && opts.left.includes(i) ? 'l' : null }, c))))));
}

const money = x => Number(x).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

// ---------------------------------------------------------------- routing
const routes = { library, deal, workbench, editor, trustee };
async function route() {
  const [, name = 'library', ...rest] = (location.hash || '#/library').split('/');
  for (const a of document.querySelectorAll('[data-nav]')) a.classList.toggle('active', a.dataset.nav === (name === 'deal' ? 'library' : name));
  $main.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
  try { await (routes[name] || library)(...rest.map(decodeURIComponent)); }
  catch (e) { $main.replaceChildren(problemBox(e)); }
}
window.addEventListener('hashchange', route);
window.addEventListener('DOMContentLoaded', route);

// ---------------------------------------------------------------- deal library
async function library() {
  const deals = await api('GET', '/api/deals');
  $main.replaceChildren(
    el('h1', {}, 'Deal library'),
    el('p', { class: 'muted' }, 'Example deals ship with this build; uploaded deals are kept in the server\'s deal store. Open one for its structure and priority of payments.'),
    el('table', { 'data-testid': 'deals' },
      el('thead', {}, el('tr', {}, ['Deal', 'Series', 'Collateral', 'Classes', 'Groups', 'Balance', 'Closing', ''].map(h => el('th', {}, h)))),
      el('tbody', {}, deals.map(d => el('tr', {},
        el('td', {}, el('a', { href: `#/deal/${encodeURIComponent(d.id)}` }, d.trust_name), d.example ? el('span', { class: 'muted' }, ' (example)') : null),
        el('td', { class: 'l' }, d.series), el('td', { class: 'l' }, d.collateral), el('td', {}, d.classes), el('td', {}, d.groups),
        el('td', {}, money(d.balance)), el('td', {}, d.closing_date),
        el('td', {}, el('a', { href: `#/workbench/${encodeURIComponent(d.id)}` }, 'workbench'), ' ', el('a', { href: `#/editor/${encodeURIComponent(d.id)}` }, 'edit')))))));
}

async function deal(id) {
  const d = await api('GET', `/api/deals/${encodeURIComponent(id)}`);
  $main.replaceChildren(
    el('h1', { 'data-testid': 'deal-title' }, d.deal.trust_name),
    el('p', {}, `${d.deal.collateral}; cut-off ${d.cutoff_date}, first distribution ${d.first_distribution_date}; pricing speed ${d.pricing_speed}`,
      d.indices.length ? `; indices ${d.indices.join(', ')}` : '', d.clean_up_call ? '; clean-up call' : '', ' — ',
      el('a', { href: `#/workbench/${encodeURIComponent(id)}` }, 'open in the workbench')),
    el('h2', {}, 'Structure'),
    table({ header: ['Class', 'Type', 'Group', 'Original balance', 'Coupon', 'Offered'],
      rows: d.classes.map(c => [c.name, c.type, c.groups.join(', '), money(c.original_balance) + (c.notional ? ' (N)' : ''), c.coupon, c.offered ? 'yes' : 'no']) },
      { testid: 'structure', left: [1, 2, 4] }),
    el('h2', {}, 'Collateral'),
    table({ header: ['Group', 'Rep lines', 'Loans', 'Balance', 'WAC %', 'WAM', 'Servicing %', 'Trustee %'],
      rows: d.collateral_groups.map(g => [g.name, g.rep_lines, g.loans.toLocaleString('en-US'), money(g.balance), g.wac_percent.toFixed(3), g.wam_months.toFixed(0), g.servicing_fee, g.trustee_fee]) },
      { testid: 'collateral' }),
    el('h2', {}, 'Priority of payments'),
    el('p', { class: 'muted' }, 'From the deal file\'s waterfall: loan groups (left) fund each step in order (middle), which pays the classes (right).'),
    waterfallDiagram(d));
}

function waterfallDiagram(d) {
  const groups = [...new Set(d.collateral_groups.map(g => g.name))];
  const classes = d.classes.map(c => c.name);
  const steps = d.waterfall;
  const rowH = 30, top = 24;
  const depth = s => { let n = 0; for (let p = s.parent; p; p = steps.find(x => x.id === p).parent) n++; return n; };
  const h = top + Math.max(steps.length, classes.length, groups.length) * rowH + 10;
  const xG = 10, wG = 110, xS = 200, wS = 430, xC = 720, wC = 120;
  const svg = svgEl('svg', { class: 'pop', width: xC + wC + 20, height: h, 'data-testid': 'waterfall', role: 'img', 'aria-label': 'priority of payments' });
  svg.append(svgEl('text', { x: xG, y: 14 }, 'Groups'), svgEl('text', { x: xS, y: 14 }, 'Steps, in order'), svgEl('text', { x: xC, y: 14 }, 'Classes'));
  const gy = {}, cy = {};
  groups.forEach((g, i) => { gy[g] = top + i * rowH * Math.max(1, Math.floor(steps.length / Math.max(1, groups.length))) + 11; });
  classes.forEach((c, i) => { cy[c] = top + i * rowH + 11; });
  for (const g of groups) { svg.append(svgEl('rect', { class: 'group', x: xG, y: gy[g] - 11, width: wG, height: 22, rx: 4 }), svgEl('text', { x: xG + 8, y: gy[g] + 4 }, `Group ${g}`)); }
  for (const c of classes) { svg.append(svgEl('rect', { class: 'cls', x: xC, y: cy[c] - 11, width: wC, height: 22, rx: 4 }), svgEl('text', { x: xC + 8, y: cy[c] + 4 }, c)); }
  steps.forEach((s, i) => {
    const y = top + i * rowH + 11, indent = depth(s) * 18;
    for (const g of s.groups) if (gy[g] !== undefined) svg.append(svgEl('path', { d: `M${xG + wG},${gy[g]} C${xG + wG + 40},${gy[g]} ${xS - 40},${y} ${xS + indent},${y}` }));
    for (const c of s.classes) if (cy[c] !== undefined) svg.append(svgEl('path', { d: `M${xS + wS},${y} C${xS + wS + 40},${y} ${xC - 40},${cy[c]} ${xC},${cy[c]}` }));
    svg.append(svgEl('rect', { class: s.kind === 'when' ? 'when' : 'step', x: xS + indent, y: y - 11, width: wS - indent, height: 22, rx: 4 }));
    const label = `${i + 1}. ${s.branch ? s.branch + ': ' : ''}${s.kind === 'when' ? 'when ' : ''}${s.label}`;
    svg.append(svgEl('text', { x: xS + indent + 6, y: y + 4 }, label.length > 70 ? label.slice(0, 67) + '…' : label),
      svgEl('title', {}, `${label}\nfrom groups: ${s.groups.join(', ')}\nclasses: ${s.classes.join(', ')}`));
  });
  return el('div', { class: 'panel scroll' }, svg);
}

// ---------------------------------------------------------------- scenario workbench
async function workbench(id) {
  const deals = await api('GET', '/api/deals');
  id = id || (deals.find(d => d.id === 'cwalt-2004-j4') || deals[0]).id;
  const d = await api('GET', `/api/deals/${encodeURIComponent(id)}`);
  const f = {
    deal: el('select', { 'data-testid': 'wb-deal', onchange: e => { location.hash = `#/workbench/${encodeURIComponent(e.target.value)}`; } },
      deals.map(x => el('option', { value: x.id, selected: x.id === id }, x.trust_name))),
    prepay: el('input', { value: d.pricing_speed, size: 12, 'data-testid': 'wb-prepay' }),
    dflt: el('input', { value: '0 CDR', size: 10, 'data-testid': 'wb-default' }),
    severity: el('input', { value: '0', size: 6, 'data-testid': 'wb-severity' }),
    lag: el('input', { value: '0', size: 4, 'data-testid': 'wb-lag' }),
    index: el('input', { value: '', size: 18, placeholder: 'LIBOR_1MO=1.10', 'data-testid': 'wb-index' }),
    call: el('input', { type: 'checkbox', 'data-testid': 'wb-call' }),
  };
  const cls = d.classes.filter(c => c.offered).map(c => c.name);
  const pf = {
    cls: el('select', { 'data-testid': 'wb-class' }, cls.map(c => el('option', { value: c }, c))),
    prices: el('input', { value: '', size: 28, placeholder: 'default grid, or 99-16, 100-00', 'data-testid': 'wb-prices' }),
    yields: el('input', { value: '', size: 14, placeholder: 'e.g. 4.5, 5', 'data-testid': 'wb-yields' }),
    speeds: el('input', { value: '0,100,200,300 PPC', size: 18, 'data-testid': 'wb-speeds' }),
  };
  const out = { status: el('span', { class: 'muted', 'data-testid': 'wb-status' }), chart: el('div', { 'data-testid': 'wb-chart' }), wal: el('div'), price: el('div'), decrement: el('div') };
  const scenario = () => ({ prepay: f.prepay.value, default: f.dflt.value, severity: f.severity.value, lag: f.lag.value,
    index: f.index.value.split(/\s+/).filter(Boolean), call: f.call.checked });
  const indexList = () => f.index.value.split(/\s+/).filter(Boolean);
  const priceBody = () => ({ class: pf.cls.value, prices: pf.prices.value || null, yields: pf.yields.value || null,
    speeds: f.prepay.value, pricing_speed: f.prepay.value, index: indexList() });
  const decBody = () => ({ classes: [pf.cls.value], speeds: pf.speeds.value, index: indexList() });
  let seq = 0;
  async function runAll() {
    const mine = ++seq, t0 = performance.now();
    out.status.textContent = 'running…';
    try {
      const run = await api('POST', `/api/deals/${encodeURIComponent(id)}/run`, scenario());
      if (mine !== seq) return;
      drawPaydown(out.chart, run, d);
      out.wal.replaceChildren(el('h2', {}, 'WAL and principal window'), table(run.summary, { testid: 'wb-wal', left: [0, 1, 10] }), el('p', { class: 'muted' }, run.summary.notes.join(' ')));
      out.status.textContent = `ran ${run.scenario.distributions} distributions in ${Math.round(performance.now() - t0)} ms`;
      out.status.dataset.done = String(mine);
    } catch (e) { if (mine === seq) { out.wal.replaceChildren(problemBox(e)); out.status.textContent = 'error'; out.status.dataset.done = String(mine); } }
    await Promise.all([runPrice(), runDecrement()]);
  }
  async function runPrice() {
    try {
      const p = await api('POST', `/api/deals/${encodeURIComponent(id)}/price`, priceBody());
      const s = p.speeds[0];
      const rows = s.yields.map(y => [y.price, y.yield_percent.toFixed(3), y.modified_duration.toFixed(2)].concat(y.dm_bp !== undefined ? [y.dm_bp.toFixed(0)] : []));
      const header = ['Price', `Yield % at ${s.speed}`, 'Mod. duration'].concat(s.yields[0] && s.yields[0].dm_bp !== undefined ? ['DM (bp)'] : []);
      out.price.replaceChildren(el('h2', {}, `Price/yield: class ${p.class}`),
        el('p', {}, 'WAL ', el('strong', { 'data-testid': 'wb-price-wal' }, s.wal_years.toFixed(2)), ` yr; window ${s.principal_window}; settlement ${p.settlement}`),
        table({ header, rows }, { testid: 'wb-price' }),
        s.solved ? table({ header: ['Quote', 'Price', 'Yield %'], rows: s.solved.map(x => [`${x.quoted_in} ${x.quote}`, x.price, x.yield_percent.toFixed(3)]) }, { testid: 'wb-solved' }) : null,
        el('div', { class: 'row' }, dl('CSV', () => api('POST', `/api/deals/${encodeURIComponent(id)}/price?format=csv`, priceBody(), { blob: true }), `price-${p.class}.csv`),
          dl('XLSX', () => api('POST', `/api/deals/${encodeURIComponent(id)}/price?format=xlsx`, priceBody(), { blob: true }), `price-${p.class}.xlsx`)));
    } catch (e) { out.price.replaceChildren(problemBox(e)); }
  }
  async function runDecrement() {
    try {
      const r = await api('POST', `/api/deals/${encodeURIComponent(id)}/decrement`, decBody());
      const t = r.tables[0];
      out.decrement.replaceChildren(el('h2', {}, t.table.title), el('div', { class: 'scroll' }, table(t.table, { testid: 'wb-decrement' })),
        el('div', { class: 'row' }, dl('CSV', () => api('POST', `/api/deals/${encodeURIComponent(id)}/decrement?format=csv`, decBody(), { blob: true }), `decrement-${t.class}.csv`),
          dl('XLSX', () => api('POST', `/api/deals/${encodeURIComponent(id)}/decrement?format=xlsx`, decBody(), { blob: true }), `decrement-${t.class}.xlsx`)));
    } catch (e) { out.decrement.replaceChildren(problemBox(e)); }
  }
  const dl = (label, get, name) => el('button', { class: 'secondary', onclick: async () => { try { download(await get(), name); } catch (e) { toast(e.message); } } }, `Download ${label}`);
  let timer;
  const soon = () => { clearTimeout(timer); timer = setTimeout(runAll, 250); };
  for (const x of Object.values(f)) if (x !== f.deal) x.addEventListener(x.type === 'checkbox' ? 'change' : 'input', soon);
  pf.cls.addEventListener('change', () => { runPrice(); runDecrement(); });
  for (const x of [pf.prices, pf.yields]) x.addEventListener('change', runPrice);
  pf.speeds.addEventListener('change', runDecrement);
  $main.replaceChildren(
    el('h1', {}, 'Scenario workbench'),
    el('div', { class: 'panel' },
      el('div', { class: 'row' }, el('label', {}, 'Deal', f.deal), el('label', {}, 'Prepay', f.prepay), el('label', {}, 'Default', f.dflt),
        el('label', {}, 'Severity %', f.severity), el('label', {}, 'Lag (months)', f.lag), el('label', {}, 'Index path', f.index),
        el('label', {}, 'Clean-up call', f.call), el('button', { onclick: runAll, 'data-testid': 'wb-run' }, 'Run'), out.status),
      el('div', { class: 'row' },
        dl('cash flows CSV', () => api('POST', `/api/deals/${encodeURIComponent(id)}/run?format=csv`, scenario(), { blob: true }), `${id}-classes.csv`),
        dl('CM book (zip)', () => api('POST', `/api/deals/${encodeURIComponent(id)}/cm`, { index: indexList() }, { blob: true }), `${id}-book.zip`))),
    el('div', { class: 'panel' }, el('h2', {}, 'Class balances'), out.chart),
    el('div', { class: 'panel scroll' }, out.wal),
    el('div', { class: 'panel' }, el('div', { class: 'row' }, el('label', {}, 'Class', pf.cls), el('label', {}, 'Prices', pf.prices),
      el('label', {}, 'Yields to solve', pf.yields), el('label', {}, 'Decrement speeds', pf.speeds)),
      el('div', { class: 'grid2' }, out.price, out.decrement)));
  await runAll();
}

function drawPaydown(target, run, d) {
  const names = d.classes.filter(c => !c.notional).map(c => c.name);
  const periods = [...new Set(run.classes.map(r => r.period))];
  const idx = new Map(periods.map((p, i) => [p, i]));
  const series = names.map(() => new Array(periods.length).fill(null));
  for (const r of run.classes) { const k = names.indexOf(r.class); if (k >= 0) series[k][idx.get(r.period)] = r.end_balance / 1e6; }
  const colors = ['#1d3557', '#e63946', '#2a9d8f', '#f4a261', '#6b46c1', '#8d99ae', '#264653', '#e76f51', '#457b9d', '#52b788', '#b5838d', '#ffb703'];
  const opts = {
    width: Math.min(1100, target.clientWidth || 1000), height: 300,
    scales: { x: { time: false } },
    axes: [{ label: 'Period' }, { label: 'Balance ($ millions)' }],
    series: [{ label: 'Period' }, ...names.map((n, i) => ({ label: n, stroke: colors[i % colors.length], width: 1.5 }))],
  };
  target.replaceChildren();
  if (window.uPlot) new window.uPlot(opts, [periods, ...series], target);
  else target.append(el('p', { class: 'problem' }, 'the chart library did not load'));
  target.dataset.series = String(names.length);
}

// ---------------------------------------------------------------- deal editor
async function editor(id) {
  const text = id ? await api('GET', `/api/deals/${encodeURIComponent(id)}/yaml`) : await api('GET', '/api/deals/sample/yaml');
  const area = el('textarea', { spellcheck: 'false', 'data-testid': 'ed-text', 'aria-label': 'deal file' });
  area.value = text;
  const gutter = el('div', { class: 'gutter', 'data-testid': 'ed-gutter' });
  const status = el('div', { 'data-testid': 'ed-status' });
  const list = el('ul', { class: 'errors', 'data-testid': 'ed-errors' });
  let bad = new Set();
  function lines() {
    const n = area.value.split('\n').length;
    gutter.replaceChildren(...Array.from({ length: n }, (_, i) => el('div', { class: bad.has(i + 1) ? 'err' : null, 'data-line': i + 1 }, i + 1)));
    area.style.height = (n * 1.5 + 1) + 'em';
  }
  let seq = 0;
  async function validate() {
    const mine = ++seq;
    try {
      const v = await api('POST', '/api/deals/validate', area.value);
      if (mine !== seq) return;
      bad = new Set(); list.replaceChildren();
      status.replaceChildren(el('span', { class: 'ok' }, `valid: ${v.trust_name}, ${v.classes} classes, ${v.groups} groups`));
    } catch (e) {
      if (mine !== seq) return;
      const errs = (e.problem && e.problem.errors) || [];
      bad = new Set(errs.filter(x => x.line > 0).map(x => x.line));
      status.replaceChildren(problemBox({ problem: { title: e.problem ? e.problem.title : 'Error', detail: e.message } }));
      list.replaceChildren(...errs.map(x => el('li', { 'data-line': x.line, onclick: () => goTo(x.line) }, `line ${x.line}${x.column ? ':' + x.column : ''} ${x.field}: ${x.expected}`, x.value ? ` (got '${x.value}')` : '')));
    }
    lines();
    status.dataset.done = String(mine);
  }
  function goTo(line) {
    const offs = area.value.split('\n').slice(0, line - 1).reduce((a, l) => a + l.length + 1, 0);
    area.focus(); area.setSelectionRange(offs, offs);
  }
  let timer;
  area.addEventListener('input', () => { lines(); clearTimeout(timer); timer = setTimeout(validate, 300); });
  const save = el('button', { 'data-testid': 'ed-save', onclick: async () => {
    try {
      const d = await api('POST', '/api/deals', area.value, { write: true });
      toast(`saved as ${d.id}`);
      location.hash = `#/deal/${encodeURIComponent(d.id)}`;
    } catch (e) { status.replaceChildren(problemBox(e)); }
  } }, 'Save as a new deal');
  $main.replaceChildren(el('h1', {}, 'Deal editor'),
    el('p', { class: 'muted' }, 'Edit the YAML: the server validates it as you type (schema and meaning, as `remic run` does) and marks each error at its line. Saving needs the API key.'),
    el('div', { class: 'row' }, save, status),
    el('div', { class: 'grid2' }, el('div', { class: 'editor' }, gutter, area), el('div', { class: 'panel scroll' }, el('h2', {}, 'Problems'), list)));
  lines();
  await validate();
}

// ---------------------------------------------------------------- trustee console
async function trustee(dealId) {
  const [status, deals] = await Promise.all([api('GET', '/api/trustee/deals'), api('GET', '/api/deals')]);
  const reg = { deal: el('select', { 'data-testid': 'tr-store-deal' }, deals.map(d => el('option', { value: d.id }, `${d.id} — ${d.trust_name}`))),
    id: el('input', { size: 12, placeholder: 'default: series', 'data-testid': 'tr-new-id' }) };
  const current = dealId || (status[0] && status[0].deal_id);
  // The outcome of the last action stays on the page re-drawn after it.
  const msg = el('div', { 'data-testid': 'tr-message' }, trustee.note || null);
  trustee.note = null;
  const act = async (fn) => {
    try {
      const text = await fn();
      trustee.note = el('span', { class: 'ok' }, text.message || text);
      if (text.go && location.hash !== text.go) location.hash = text.go; else await trustee(current);
    } catch (e) { msg.replaceChildren(problemBox(e)); }
  };
  const nodes = [el('h1', {}, 'Trustee console'), msg,
    table({ header: ['Deal', 'First period', 'Loans', 'Outstanding', 'Current balance', 'Closed', 'Last closed', 'Open', 'Next'],
      rows: status.map(s => [el('a', { href: `#/trustee/${encodeURIComponent(s.deal_id)}` }, s.deal_id), s.first_period, s.loans.toLocaleString('en-US'), s.loans_outstanding.toLocaleString('en-US'), money(s.current_balance), s.periods_closed, s.last_closed || '', s.open_period || '', s.next]) },
      { testid: 'tr-status', left: [8] }),
    el('div', { class: 'panel row' }, el('label', {}, 'Register a stored deal', reg.deal), el('label', {}, 'Ledger id', reg.id),
      el('button', { 'data-testid': 'tr-register', onclick: () => act(async () => { const r = await api('POST', '/api/trustee/deals', { deal: reg.deal.value, deal_id: reg.id.value || null }, { write: true }); return { message: `registered ${r.deal_id}`, go: `#/trustee/${encodeURIComponent(r.deal_id)}` }; }) }, 'Register'))];
  if (current) {
    const s = status.find(x => x.deal_id === current);
    const periods = await api('GET', `/api/trustee/deals/${encodeURIComponent(current)}/periods`);
    const nextPeriod = s && s.next.match(/\d{4}-\d{2}/) ? s.next.match(/\d{4}-\d{2}/)[0] : '';
    const pf = { period: el('input', { value: s && s.open_period ? s.open_period : nextPeriod, size: 8, 'data-testid': 'tr-period' }),
      file: el('input', { type: 'file', accept: '.csv', 'data-testid': 'tr-file' }),
      storeDeal: el('select', { 'data-testid': 'tr-sim-deal' }, deals.map(d => el('option', { value: d.id }, d.id))),
      index: el('input', { size: 16, placeholder: 'LIBOR_1MO=1.10', 'data-testid': 'tr-index' }),
      closed: el('input', { value: s && s.last_closed ? s.last_closed : '', size: 8, 'data-testid': 'tr-closed-period' }),
      reason: el('input', { size: 20, placeholder: 'why (audit log)', 'data-testid': 'tr-reason' }) };
    const base = `/api/trustee/deals/${encodeURIComponent(current)}`;
    const remit = async (blob, name) => { const fd = new FormData(); fd.append('file', blob, name); const r = await api('POST', `${base}/periods/${pf.period.value}/remittance`, fd, { write: true }); return `imported ${r.rows} loan rows for ${r.period}`; };
    const stmt = el('div', { 'data-testid': 'tr-statement' });
    const audit = await api('GET', `/api/trustee/audit?deal=${encodeURIComponent(current)}&last=50`);
    nodes.push(el('h2', {}, `Periods of ${current}`),
      table({ header: ['Period', 'State', 'Remittance', 'Rows', 'Imported', 'Closed', 'Pool ending', 'Class principal', 'Class interest', 'Losses', ''],
        rows: periods.map(p => [p.period, p.state, p.remittance_file, p.rows, p.imported_at, p.closed_at || '', money(p.remitted_ending_balance), money(p.class_principal || 0), money(p.class_interest || 0), money(p.realized_losses || 0), '']) },
        { testid: 'tr-periods', left: [1, 2, 4, 5] }),
      el('div', { class: 'panel' },
        el('div', { class: 'row' }, el('label', {}, 'Period', pf.period), el('label', {}, 'Remittance CSV', pf.file),
          el('button', { 'data-testid': 'tr-upload', onclick: () => act(() => pf.file.files[0] ? remit(pf.file.files[0], pf.file.files[0].name) : Promise.reject(new Error('choose a CSV file first'))) }, 'Upload remittance'),
          el('label', {}, 'or a synthetic one from', pf.storeDeal),
          el('button', { class: 'secondary', 'data-testid': 'tr-simulate', onclick: () => act(async () => remit(await api('GET', `/api/deals/${encodeURIComponent(pf.storeDeal.value)}/remittance/${pf.period.value}`, undefined, { blob: true }), `synthetic-${pf.period.value}.csv`)) }, 'Simulate and upload')),
        el('div', { class: 'row' }, el('label', {}, 'Index fixings', pf.index),
          el('button', { 'data-testid': 'tr-close', onclick: () => act(async () => (await api('POST', `${base}/periods/${pf.period.value}/close`, { index: pf.index.value.split(/\s+/).filter(Boolean) }, { write: true })).message) }, 'Close period'),
        ),
        el('div', { class: 'row' }, el('label', {}, 'Closed period', pf.closed), el('label', {}, 'Reason', pf.reason),
          el('button', { class: 'secondary', 'data-testid': 'tr-reopen', onclick: () => act(async () => (await api('POST', `${base}/periods/${pf.closed.value}/reopen`, { reason: pf.reason.value }, { write: true })).message) }, 'Reopen'),
          el('button', { class: 'secondary', 'data-testid': 'tr-view', onclick: () => {
            stmt.replaceChildren(el('iframe', { class: 'statement', sandbox: '', title: 'statement', src: `${base}/periods/${pf.closed.value}/statement?format=html` }),
              el('p', {}, ['json', 'csv', 'txt', 'xlsx'].map(f => el('a', { href: `${base}/periods/${pf.closed.value}/statement?format=${f}`, download: `${current}-${pf.closed.value}.${f}` }, `${f} `))));
          } }, 'View statement'))),
      stmt,
      el('h2', {}, 'Audit log'),
      table({ header: ['#', 'At (UTC)', 'Actor', 'Action', 'Period', 'Details'], rows: audit.map(a => [a.audit_id, a.at, a.actor, a.action, a.period || '', a.details]) },
        { testid: 'tr-audit', left: [1, 2, 3, 5] }));
  }
  $main.replaceChildren(...nodes);
}
