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

  const el = TuneLab.el;

  const setKernel = (state, text) => TuneLab.cells.setKernel(kernelStatus, state, text);

  const call = (method, path, body) => TuneLab.call(method, api(path), body);
  const { debounce, addCopyButton, clearMarks } = TuneLab.cells;

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
      const ok = await run(cell);
      if (!ok && cell.section.dataset.mode !== 'expect-error') break;
    }
  }

  function focusCell(i) {
    if (i < cells.length) {
      cells[i].editor.focus();
      cells[i].section.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    }
  }

  const varsPanel = document.querySelector('details.variables');
  if (varsPanel) varsPanel.addEventListener('toggle', () => TuneLab.cells.refreshVariables(varsPanel, api('/variables')));
  const runner = TuneLab.cells.runner({
    base: api(''), kernelStatus: kernelStatus, stopButton: stopButton, varsPanel: varsPanel, markStaleBelow: markStaleBelow,
  });
  const run = (cell) => runner.run(cell);

  async function runAll() {
    for (const cell of cells) {
      const mode = cell.section.dataset.mode;
      const ok = await run(cell);
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
      runner.restarted();
      cells.forEach((c) => { c.label.textContent = '[ ]'; c.ran = false; c.section.classList.remove('stale'); });
      updateRunStale();
      setKernel('idle', 'Kernel restarted: variables forgotten');
    } catch (e) { setKernel('dead', e.message); }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.shiftKey && (e.ctrlKey || e.metaKey)) { e.preventDefault(); runAll(); }
  });
  const openPlayground = document.querySelector('.open-playground');
  if (openPlayground) {
    openPlayground.addEventListener('click', async () => {
      openPlayground.disabled = true;
      try {
        const made = await call('POST', '/playground');
        location.href = '/playground/' + encodeURIComponent(made.id);
      } catch (e) {
        setKernel('idle', 'Cannot open in the playground: ' + e.message);
        openPlayground.disabled = false;
      }
    });
  }
})();
