// TuneLab displays: draws the display specs a cell sends (docs/API.md, "Display specs") as page elements.
// Specs are untrusted data: every string goes into the page as text, never as HTML.
window.TuneLab.display = (function () {
  'use strict';
  const el = TuneLab.el;

  function fmt(v) {
    if (v === null || v === undefined) return '—';
    if (typeof v === 'number') {
      if (Number.isInteger(v)) return String(v);
      return Math.abs(v) >= 100 ? v.toFixed(1) : Math.abs(v) >= 1 ? v.toFixed(3) : v.toPrecision(3);
    }
    return String(v);
  }

  /** Whitespace a student should see in a token: a space as a dot, a newline as a return sign. */
  function visible(text) {
    return String(text).replace(/ /g, '\u00b7').replace(/\n/g, '\u23ce').replace(/\t/g, '\u21e5');
  }

  function text(spec) {
    return el('pre', 'out display-text', spec.text);
  }

  function completion(spec) {
    const box = el('div', 'display completion');
    box.append(el('pre', 'answer', spec.text === '' ? '(empty answer)' : spec.text));
    box.append(el('p', 'meta', [spec.model, spec.promptTokens + ' prompt + ' + spec.completionTokens
      + ' completion tokens', 'finish: ' + spec.finishReason, fmt(spec.latencyMs) + ' ms'].join(' · ')));
    return box;
  }

  function tokens(spec) {
    const box = el('div', 'display tokens');
    const list = spec.tokens || [];
    box.append(el('p', 'meta', spec.encoding + ' · ' + list.length + ' token' + (list.length === 1 ? '' : 's')));
    const row = el('div', 'token-row');
    list.forEach((t, i) => {
      const piece = el('span', 'token tok-' + (i % 6));
      piece.append(el('span', 'piece', visible(t.text)), el('span', 'id', String(t.id)));
      piece.title = 'token ' + t.id + ': "' + t.text + '"';
      row.append(piece);
    });
    box.append(row);
    return box;
  }

  function prompt(spec) {
    const box = el('div', 'display prompt');
    const list = el('dl');
    (spec.parts || []).forEach((p) => {
      list.append(el('dt', null, p.label));
      const dd = el('dd');
      dd.append(el('pre', null, p.text));
      list.append(dd);
    });
    box.append(list);
    if (spec.tokens !== undefined) {
      box.append(el('p', 'meta', spec.tokens + ' tokens' + (spec.encoding ? ' (' + spec.encoding + ')' : '')));
    }
    return box;
  }

  function table(spec) {
    const wrap = el('div', 'display table-wrap');
    if (!spec.rows || spec.rows.length === 0) { // an empty report: say so, not a header over nothing
      if (spec.title) wrap.append(el('p', 'table-title', spec.title));
      wrap.append(el('p', 'meta', 'Nothing to list.'));
      return wrap;
    }
    const t = el('table', 'data');
    if (spec.title) t.append(el('caption', null, spec.title));
    const head = el('tr');
    (spec.columns || []).forEach((c) => {
      const th = el('th', null, c);
      th.scope = 'col';
      head.append(th);
    });
    const thead = el('thead');
    thead.append(head);
    const body = el('tbody');
    (spec.rows || []).forEach((r) => {
      const tr = el('tr');
      (r || []).forEach((v) => tr.append(el('td', typeof v === 'number' ? 'num' : null, fmt(v))));
      body.append(tr);
    });
    t.append(thead, body);
    wrap.append(t);
    return wrap;
  }

  const palette = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2'];

  function chartData(spec) {
    return {
      labels: (spec.x && spec.x.values) || [],
      datasets: (spec.series || []).map((s, i) => ({
        label: s.name,
        data: s.values,
        borderColor: palette[i % palette.length],
        backgroundColor: palette[i % palette.length] + (spec.chart === 'bar' ? 'cc' : '33'),
        pointRadius: (s.values || []).length > 40 ? 0 : 2,
        spanGaps: true,
        low: Array.isArray(s.low) ? s.low : null,
        high: Array.isArray(s.high) ? s.high : null,
      })),
    };
  }

  /** Whiskers from each point's lowest to highest value, for series measured over seeds (low and high given). */
  const ranges = {
    id: 'tunelabRanges',
    afterDatasetsDraw(chart, args, options) {
      const ctx = chart.ctx;
      chart.data.datasets.forEach((ds, i) => {
        const meta = chart.getDatasetMeta(i);
        if (!ds.low || !ds.high || meta.hidden) return;
        const y = chart.scales[meta.yAxisID];
        ctx.save();
        ctx.strokeStyle = options.color || '#3f3f46';
        ctx.lineWidth = 1.5;
        meta.data.forEach((point, j) => {
          const lo = ds.low[j];
          const hi = ds.high[j];
          if (typeof lo !== 'number' || typeof hi !== 'number') return;
          const x = point.x;
          const top = y.getPixelForValue(hi);
          const bottom = y.getPixelForValue(lo);
          ctx.beginPath();
          ctx.moveTo(x, top); ctx.lineTo(x, bottom);
          ctx.moveTo(x - 6, top); ctx.lineTo(x + 6, top);
          ctx.moveTo(x - 6, bottom); ctx.lineTo(x + 6, bottom);
          ctx.stroke();
        });
        ctx.restore();
      });
    },
  };

  /** The y range that shows every whisker, where some series has ranges. */
  function rangeBounds(spec) {
    const all = [];
    (spec.series || []).forEach((s) => {
      [s.low, s.high, s.values].forEach((v) => (Array.isArray(v) ? v : []).forEach((n) => {
        if (typeof n === 'number') all.push(n);
      }));
    });
    const ranged = (spec.series || []).some((s) => Array.isArray(s.low));
    return ranged && all.length ? { min: Math.min(0, ...all), max: Math.max(...all) } : null;
  }

  function chart(spec) {
    const box = el('figure', 'display chart');
    if (typeof Chart === 'undefined') { // no chart library: the numbers, as a table
      const cols = [(spec.x && spec.x.label) || 'x'].concat((spec.series || []).map((s) => s.name));
      const rows = ((spec.x && spec.x.values) || []).map((x, i) => [x].concat((spec.series || []).map((s) => s.values[i])));
      box.append(table({ title: spec.title, columns: cols, rows: rows }));
      return box;
    }
    const canvas = el('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', (spec.title || 'Chart') + ': ' + (spec.series || []).map((s) => s.name).join(', '));
    box.append(canvas);
    const dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
    const ink = dark ? '#d4d4d8' : '#3f3f46';
    const grid = dark ? '#3f3f46' : '#e4e4e7';
    const axis = (label) => ({ title: { display: !!label, text: label || '', color: ink }, ticks: { color: ink }, grid: { color: grid } });
    const yAxis = axis(spec.y && spec.y.label);
    const bounds = rangeBounds(spec);
    if (bounds) {
      yAxis.suggestedMin = bounds.min;
      yAxis.suggestedMax = bounds.max;
    }
    box._chart = new Chart(canvas, {
      type: spec.chart === 'bar' ? 'bar' : 'line',
      data: chartData(spec),
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: {
          title: { display: !!spec.title, text: spec.title || '', color: ink },
          legend: { labels: { color: ink } },
          tunelabRanges: { color: ink },
        },
        scales: { x: axis(spec.x && spec.x.label), y: yAxis },
      },
      plugins: [ranges],
    });
    return box;
  }

  function progress(spec) {
    const box = el('div', 'display progress');
    const max = spec.max > 0 ? spec.max : 1;
    const value = Math.max(0, Math.min(max, spec.value || 0));
    const bar = el('progress');
    bar.max = max;
    bar.value = value;
    bar.setAttribute('aria-label', spec.label || 'Progress');
    box.append(el('span', 'label', spec.label || ''), bar, el('span', 'pct', Math.round(100 * value / max) + '%'));
    return box;
  }

  const kinds = { text: text, completion: completion, tokens: tokens, prompt: prompt, table: table, chart: chart, progress: progress };

  /** An element for a spec. */
  function render(spec) {
    const draw = spec && kinds[spec.kind];
    const node = draw ? draw(spec) : el('pre', 'out', JSON.stringify(spec));
    node.classList.add('display-item');
    if (spec && spec.id !== undefined && spec.id !== null) node.dataset.displayId = String(spec.id);
    return node;
  }

  /**
   * Shows a spec in a container: in place of an earlier one with the same id (a chart grows in place, without
   * being drawn anew), else at the end.
   */
  function show(container, spec) {
    const id = spec && spec.id !== undefined && spec.id !== null ? String(spec.id) : null;
    const earlier = id === null ? null
      : Array.from(container.querySelectorAll('.display-item')).find((n) => n.dataset.displayId === id);
    if (earlier && earlier._chart && spec.kind === 'chart') {
      earlier._chart.data = chartData(spec);
      earlier._chart.update('none');
      return earlier;
    }
    const node = render(spec);
    if (earlier) earlier.replaceWith(node); else container.append(node);
    return node;
  }

  return { render: render, show: show };
})();
