// TuneLab notebook: turns each lesson cell into an editor, runs it through the JSON API
// (docs/API.md) and shows the result under the cell. No framework, no build step.
(function () {
  'use strict';
  const slug = document.body.dataset.lesson;
  if (!slug) return;
  const api = (path) => '/api/lessons/' + encodeURIComponent(slug) + path;
  const cells = [];
  const kernelStatus = document.querySelector('.kernel-status');
  const stopButton = document.querySelector('.notebook-bar .stop');
  const runStaleButton = document.querySelector('.notebook-bar .run-stale');
  let queue = Promise.resolve();
  let running = null;
  let executionCount = 0;

  const el = TuneLab.el;

  function setKernel(state, text) {
    if (!kernelStatus) return;
    kernelStatus.querySelector('.dot').className = 'dot ' + state;
    kernelStatus.querySelector('.text').textContent = text;
  }

  const call = (method, path, body) => TuneLab.call(method, api(path), body);

  /** Runs code, showing output in the cell as it is printed; resolves to the final result. */
  async function runStreaming(cell, code) {
    const res = await fetch(api('/run?stream=true'), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: code }),
    });
    if (!res.ok) {
      let data = null;
      try { data = await res.json(); } catch (e) { /* not JSON */ }
      throw new Error((data && data.error) || ('The server answered ' + res.status + '.'));
    }
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    const live = {};
    let buffer = '';
    let result = null;
    let cleared = false;
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (!line.trim()) continue;
        const event = JSON.parse(line);
        if (event.event !== 'queued') cell.queued = null;
        if (event.event === 'output') {
          if (!cleared) { cell.output.replaceChildren(); cleared = true; }
          if (!live[event.stream]) {
            live[event.stream] = el('pre', 'out ' + event.stream);
            cell.output.append(live[event.stream]);
          }
          live[event.stream].textContent += event.text;
        } else if (event.event === 'queued') {
          cell.queued = 'Waiting for the server: ' + (event.position === 1 ? 'next' : 'number ' + event.position) + ' in line…';
          cell.status.textContent = cell.queued;
        } else if (event.event === 'display') {
          if (!cleared) { cell.output.replaceChildren(); cleared = true; }
          TuneLab.display.show(cell.output, event.spec);
          live.stdout = null; // output printed after a display goes below it
          live.stderr = null;
        } else if (event.event === 'result') {
          result = event;
        }
      }
    }
    if (!result) throw new Error('The run ended without a result: the connection to the server was cut.');
    return result;
  }

  function debounce(fn, ms) {
    let t = null;
    return function () { clearTimeout(t); t = setTimeout(fn, ms); };
  }

  function addCopyButton(bar, text) {
    const button = el('button', 'copy', 'Copy');
    button.type = 'button';
    button.title = 'Copy the code';
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(text());
        button.textContent = 'Copied';
      } catch (e) {
        button.textContent = 'Copy failed';
      }
      setTimeout(() => { button.textContent = 'Copy'; }, 1500);
    });
    bar.append(button);
  }

  function formatMs(ms) {
    return ms < 1000 ? ms + ' ms' : (ms / 1000).toFixed(1) + ' s';
  }

  function setupCell(section, index) {
    const textarea = section.querySelector('.cell-code');
    const original = section.querySelector('.cell-original').value;
    const output = section.querySelector('.cell-output');
    const status = section.querySelector('.cell-status');
    const label = section.querySelector('.cell-label');
    const cell = { section, output, status, label, id: section.dataset.cell, marks: [] };
    label.textContent = '[ ]';
    cell.editor = CodeMirror.fromTextArea(textarea, {
      mode: 'text/x-java', lineNumbers: true, matchBrackets: true, autoCloseBrackets: true, lineWrapping: true,
      indentUnit: 4, viewportMargin: Infinity, screenReaderLabel: textarea.getAttribute('aria-label'),
      extraKeys: {
        'Shift-Enter': () => { run(cell); focusCell(index + 1); },
        'Ctrl-Enter': () => run(cell),
        'Cmd-Enter': () => run(cell),
        'Ctrl-Shift-Enter': runAll,
        'Cmd-Shift-Enter': runAll,
        'Esc': (cm) => cm.getInputField().blur(),
        'Tab': (cm) => cm.somethingSelected() ? cm.indentSelection('add') : cm.replaceSelection('    '),
      },
    });
    TuneLab.complete.attach(cell.editor, api(''));
    const save = debounce(() => {
      call('PUT', '/cells/' + cell.id, { code: cell.editor.getValue() })
        .then(() => { section.dataset.saved = 'true'; })
        .catch((e) => { status.textContent = 'Not saved: ' + e.message; });
    }, 600);
    cell.editor.on('change', () => {
      section.dataset.saved = 'false';
      if (cell.ran && !section.classList.contains('stale')) markStaleBelow(cell);
      section.classList.toggle('edited', cell.editor.getValue() !== original);
      clearMarks(cell);
      save();
    });
    section.querySelector('.run').addEventListener('click', () => run(cell));
    addCopyButton(section.querySelector('.cell-bar'), () => cell.editor.getValue());
    section.querySelector('.reset').addEventListener('click', async () => {
      try {
        const data = await call('DELETE', '/cells/' + cell.id);
        cell.editor.setValue(data.code);
        section.classList.remove('edited');
      } catch (e) { status.textContent = e.message; }
    });
    return cell;
  }

  /**
   * Marks as stale every cell below `cell` that has run before: its output may no longer match
   * the state above it (an edited or re-run cell changes what later cells saw).
   */
  function markStaleBelow(cell) {
    const i = cells.indexOf(cell);
    cells.slice(i + 1).forEach((c) => {
      if (c.ran) c.section.classList.add('stale');
    });
    updateRunStale();
  }

  function updateRunStale() {
    const n = cells.filter((c) => c.section.classList.contains('stale')).length;
    runStaleButton.disabled = n === 0;
    runStaleButton.textContent = n === 0 ? 'Run stale' : 'Run stale (' + n + ')';
  }

  async function runStale() {
    for (const cell of cells.filter((c) => c.section.classList.contains('stale'))) {
      run(cell);
      const ok = await queue;
      if (!ok && cell.section.dataset.mode !== 'expect-error') break;
    }
  }

  function focusCell(i) {
    if (i < cells.length) {
      cells[i].editor.focus();
      cells[i].section.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    }
  }

  function clearMarks(cell) {
    cell.marks.forEach((m) => m.clear ? m.clear() : cell.editor.removeLineClass(m, 'background', 'error-line'));
    cell.marks = [];
  }

  function run(cell) {
    cell.label.textContent = '[*]';
    cell.status.textContent = 'Waiting…';
    cell.section.classList.add('queued');
    queue = queue.then(() => execute(cell));
    return queue;
  }

  async function execute(cell) {
    cell.section.classList.remove('queued');
    cell.section.classList.add('running');
    clearMarks(cell);
    const started = performance.now();
    const timer = setInterval(() => {
      cell.status.textContent = cell.queued || ('Running… ' + formatMs(Math.round(performance.now() - started)));
    }, 100);
    running = cell;
    stopButton.disabled = false;
    setKernel('busy', 'Kernel busy');
    let ok = false;
    cell.section.classList.remove('stale');
    markStaleBelow(cell);
    try {
      const result = await runStreaming(cell, cell.editor.getValue());
      render(cell, result);
      ok = result.status === 'ok';
      const memory = result.heapUsedMb >= 0 ? ' · ' + result.heapUsedMb + ' of ' + result.heapMaxMb + ' MB' : '';
      setKernel(result.status === 'died' ? 'dead' : 'idle',
        result.status === 'died' ? 'Kernel stopped: the next run starts a new one' : 'Kernel idle' + memory);
      if (kernelStatus) kernelStatus.title = 'The kernel\'s memory in use after the last run, of its limit';
    } catch (e) {
      cell.output.replaceChildren(el('pre', 'out error', e.message));
      cell.status.textContent = 'Failed';
      setKernel('idle', 'Kernel idle');
    } finally {
      clearInterval(timer);
      cell.section.classList.remove('running');
      running = null;
      stopButton.disabled = true;
      cell.label.textContent = '[' + (++executionCount) + ']';
      cell.ran = true;
      refreshVariables();
    }
    return ok;
  }

  const varsPanel = document.querySelector('details.variables');

  /** Refreshes the variables panel from the kernel (after every run, and when opened). */
  async function refreshVariables() {
    if (!varsPanel || !varsPanel.open) return;
    let data;
    try { data = await call('GET', '/variables'); } catch (e) { return; }
    const table = varsPanel.querySelector('table.vars');
    const body = table.querySelector('tbody');
    body.replaceChildren();
    data.variables.forEach((v) => {
      const tr = el('tr');
      tr.append(el('td', null, v.name), el('td', null, v.type), el('td', v.value === null ? 'muted' : null, v.value === null ? '…' : v.value));
      body.append(tr);
    });
    table.hidden = data.variables.length === 0;
    varsPanel.querySelector('.empty-vars').hidden = data.variables.length > 0;
  }
  if (varsPanel) varsPanel.addEventListener('toggle', refreshVariables);

  function render(cell, r) {
    const out = cell.output;
    out.replaceChildren();
    if (r.stateLost) out.append(el('p', 'notice', r.message || 'The kernel had stopped; a new one was started and earlier variables are gone.'));
    if (r.stdout) out.append(el('pre', 'out stdout', r.stdout));
    if (r.stderr) out.append(el('pre', 'out stderr', r.stderr));
    (r.displays || []).forEach((spec) => TuneLab.display.show(out, spec));
    if (r.truncated) out.append(el('p', 'notice', 'Output truncated: the cell printed more than the limit.'));
    if (r.diagnostics && r.diagnostics.length) {
      const list = el('ul', 'diagnostics');
      r.diagnostics.forEach((d) => {
        const li = el('li');
        li.append(el('strong', null, 'Line ' + d.line + ', column ' + d.column + ': '), d.message);
        list.append(li);
        const line = Math.max(0, d.line - 1);
        const handle = cell.editor.addLineClass(line, 'background', 'error-line');
        cell.marks.push(handle);
        cell.marks.push(cell.editor.markText({ line: line, ch: Math.max(0, d.column - 1) },
          { line: line, ch: Math.max(0, d.column) }, { className: 'error-mark' }));
      });
      out.append(list);
    }
    if (r.exception) {
      const box = el('div', 'exception');
      box.append(el('strong', null, r.exception.type + (r.exception.message ? ': ' + r.exception.message : '')));
      if (r.exception.trace && r.exception.trace.length) box.append(el('pre', 'trace', r.exception.trace.join('\n')));
      out.append(box);
    }
    (r.notes || []).forEach((note) => out.append(el('p', 'notice', note)));
    if (r.message && !r.stateLost) {
      out.append(el('p', 'notice' + (r.status === 'ok' ? '' : ' error'), r.message));
    } else if (!r.message && (r.status === 'timeout' || r.status === 'died')) {
      out.append(el('p', 'notice error', 'Run ended: ' + r.status));
    }
    if (r.valueDisplay) {
      const shown = TuneLab.display.render(r.valueDisplay);
      shown.classList.add('value');
      out.append(shown);
    } else if (r.value !== null && r.value !== undefined) {
      out.append(el('pre', 'out value', r.value));
    }
    const words = { ok: 'Done', error: 'Error', timeout: 'Stopped', died: 'Kernel stopped' };
    const stopped = r.status === 'timeout' || (r.message && /^Stopped/.test(r.message));
    const heavy = r.elapsedMs >= 1000 && r.heapUsedMb >= 0 ? ' · heap ' + r.heapUsedMb + ' MB' : '';
    cell.status.textContent = (stopped ? 'Stopped' : (words[r.status] || r.status)) + ' · ' + formatMs(r.elapsedMs) + heavy;
    cell.section.dataset.status = r.status;
  }

  async function runAll() {
    for (const cell of cells) {
      const mode = cell.section.dataset.mode;
      run(cell);
      const ok = await queue;
      if (!ok && mode !== 'expect-error') break;
    }
  }

  document.querySelectorAll('.cell-display .cell-code').forEach((t) => {
    const text = t.value;
    const bar = el('div', 'cell-bar display-bar');
    bar.append(el('span', 'cell-label', 'Example (not runnable)'));
    t.parentNode.insertBefore(bar, t);
    addCopyButton(bar, () => text);
    CodeMirror.fromTextArea(t, {
      mode: 'text/x-java', readOnly: true, lineNumbers: false, lineWrapping: true, viewportMargin: Infinity,
      screenReaderLabel: t.getAttribute('aria-label'),
    });
  });
  document.querySelectorAll('section.cell').forEach((s, i) => cells.push(setupCell(s, i)));

  document.querySelector('.notebook-bar .run-all').addEventListener('click', runAll);
  runStaleButton.addEventListener('click', runStale);
  stopButton.addEventListener('click', () => { call('POST', '/stop').catch(() => {}); });
  document.querySelector('.notebook-bar .restart').addEventListener('click', async () => {
    setKernel('busy', 'Restarting…');
    try {
      await call('POST', '/restart');
      executionCount = 0;
      cells.forEach((c) => { c.label.textContent = '[ ]'; c.ran = false; c.section.classList.remove('stale'); });
      updateRunStale();
      setKernel('idle', 'Kernel restarted: variables forgotten');
    } catch (e) { setKernel('dead', e.message); }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.shiftKey && (e.ctrlKey || e.metaKey)) { e.preventDefault(); runAll(); }
  });
})();
