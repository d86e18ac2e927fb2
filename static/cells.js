// Cells shared by lesson notebooks (notebook.js) and playground notebooks (playground.js): running code through
// the JSON API with streamed output (docs/API.md), and showing a run's result under a cell.
// A cell here is { section, output, status, editor, marks: [], queued }.
TuneLab.cells = (function () {
  'use strict';
  const el = TuneLab.el;

  function formatMs(ms) {
    return ms < 1000 ? ms + ' ms' : (ms / 1000).toFixed(1) + ' s';
  }

  function debounce(fn, ms) {
    let t = null;
    const debounced = function () { clearTimeout(t); t = setTimeout(fn, ms); };
    debounced.flush = function () { if (t !== null) { clearTimeout(t); t = null; fn(); } };
    return debounced;
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
    return button;
  }

  /**
   * Runs code at `url` (a .../run endpoint), showing output in the cell as it is printed; resolves to the result.
   * `kernel` is the id of the kernel the page's earlier cells ran in (the server says if that kernel is gone).
   */
  async function runStreaming(url, cell, code, kernel) {
    const live = {};
    let cleared = false;
    let place = 0;        // its place in the server's line, once told
    let passed = false;   // quicker runs were let ahead of it (the server does that: see RunQueue)
    return TuneLab.stream(url, kernel ? { code: code, kernel: kernel } : { code: code }, (event) => {
      if (event.event === 'queued') {
        passed = passed || (place > 0 && event.position > place);
        place = event.position;
      }
      const waiting = TuneLab.waitingText(event, passed);
      cell.queued = waiting;
      if (waiting) {
        cell.status.textContent = waiting;
      } else if (event.event === 'output') {
        if (!cleared) { cell.output.replaceChildren(); cleared = true; }
        if (!live[event.stream]) {
          live[event.stream] = el('pre', 'out ' + event.stream);
          cell.output.append(live[event.stream]);
        }
        live[event.stream].textContent += event.text;
      } else if (event.event === 'display') {
        if (!cleared) { cell.output.replaceChildren(); cleared = true; }
        TuneLab.display.show(cell.output, event.spec);
        live.stdout = null; // output printed after a display goes below it
        live.stderr = null;
      }
    });
  }

  function clearMarks(cell) {
    cell.marks.forEach((m) => m.clear ? m.clear() : cell.editor.removeLineClass(m, 'background', 'error-line'));
    cell.marks = [];
  }

  /** Shows a run's result under the cell: output, displays, diagnostics marked in the editor, value, status line. */
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
      // A value with the id of a display the cell already drew (job.lossChart() after job.await()) takes its place.
      TuneLab.display.show(out, r.valueDisplay).classList.add('value');
    } else if (r.value !== null && r.value !== undefined) {
      out.append(el('pre', 'out value', r.value));
    }
    const words = { ok: 'Done', error: 'Error', timeout: 'Stopped', died: 'Kernel stopped' };
    const stopped = r.status === 'timeout' || (r.message && /^Stopped/.test(r.message));
    const heavy = r.elapsedMs >= 1000 && r.heapUsedMb >= 0 ? ' · heap ' + r.heapUsedMb + ' MB' : '';
    cell.status.textContent = (stopped ? 'Stopped' : (words[r.status] || r.status)) + ' · ' + formatMs(r.elapsedMs) + heavy;
    cell.section.dataset.status = r.status;
  }

  /** Fills the variables panel (a details.variables) from a .../variables endpoint, if the panel is open. */
  async function refreshVariables(panel, url) {
    if (!panel || !panel.open) return;
    let data;
    try { data = await TuneLab.call('GET', url); } catch (e) { return; }
    const table = panel.querySelector('table.vars');
    const body = table.querySelector('tbody');
    body.replaceChildren();
    data.variables.forEach((v) => {
      const tr = el('tr');
      tr.append(el('td', null, v.name), el('td', null, v.type), el('td', v.value === null ? 'muted' : null, v.value === null ? '…' : v.value));
      body.append(tr);
    });
    table.hidden = data.variables.length === 0;
    panel.querySelector('.empty-vars').hidden = data.variables.length > 0;
  }

  /** Shows the kernel's state in the toolbar's status (state: idle, busy or dead). */
  function setKernel(status, state, text) {
    if (!status) return;
    status.querySelector('.dot').className = 'dot ' + state;
    status.querySelector('.text').textContent = text;
  }

  /** The kernel status after a run's result. */
  function kernelAfter(status, result) {
    const memory = result.heapUsedMb >= 0 ? ' · ' + result.heapUsedMb + ' of ' + result.heapMaxMb + ' MB' : '';
    setKernel(status, result.status === 'died' ? 'dead' : 'idle',
      result.status === 'died' ? 'Kernel stopped: the next run starts a new one' : 'Kernel idle' + memory);
    if (status) status.title = 'The kernel\'s memory in use after the last run, of its limit';
  }

  /**
   * Runs a page's cells one at a time, in the order asked, through `base + '/run'`, keeping the toolbar current.
   * options: { base, kernelStatus, stopButton, varsPanel, markStaleBelow(cell) }. run(cell) resolves to whether
   * the cell ended ok; restarted() numbers runs from 1 again, in a kernel it knows is new.
   */
  function runner(options) {
    let queue = Promise.resolve();
    let count = 0;
    let kernel = null; // the id of the kernel this page's cells ran in

    async function execute(cell) {
      if (!cell.section.isConnected) return true; // the cell was deleted while it waited
      cell.section.classList.remove('queued');
      cell.section.classList.add('running');
      clearMarks(cell);
      const started = performance.now();
      const timer = setInterval(() => {
        cell.status.textContent = cell.queued || ('Running… ' + formatMs(Math.round(performance.now() - started)));
      }, 100);
      options.stopButton.disabled = false;
      setKernel(options.kernelStatus, 'busy', 'Kernel busy');
      cell.section.classList.remove('stale');
      options.markStaleBelow(cell);
      let ok = false;
      try {
        const result = await runStreaming(options.base + '/run', cell, cell.editor.getValue(), kernel);
        kernel = result.kernel || kernel;
        render(cell, result);
        ok = result.status === 'ok';
        kernelAfter(options.kernelStatus, result);
      } catch (e) {
        cell.output.replaceChildren(el('pre', 'out error', e.message));
        cell.status.textContent = 'Failed';
        setKernel(options.kernelStatus, 'idle', 'Kernel idle');
      } finally {
        clearInterval(timer);
        cell.section.classList.remove('running');
        options.stopButton.disabled = true;
        cell.label.textContent = '[' + (++count) + ']';
        cell.ran = true;
        refreshVariables(options.varsPanel, options.base + '/variables');
      }
      return ok;
    }

    return {
      run(cell) {
        cell.label.textContent = '[*]';
        cell.status.textContent = 'Waiting…';
        cell.section.classList.add('queued');
        queue = queue.then(() => execute(cell));
        return queue;
      },
      restarted() { count = 0; kernel = null; },
    };
  }

  return {
    runner: runner,
    formatMs: formatMs, debounce: debounce, addCopyButton: addCopyButton, runStreaming: runStreaming,
    clearMarks: clearMarks, render: render, refreshVariables: refreshVariables, setKernel: setKernel,
    kernelAfter: kernelAfter,
  };
})();
