// A playground notebook: Java and Markdown cells the student adds, moves, duplicates and deletes, saved to the
// server as they type (docs/API.md, "Playground"), run in the notebook's own kernel.
(function () {
  'use strict';
  const id = document.body.dataset.notebook;
  if (!id) return;
  const el = TuneLab.el;
  const C = TuneLab.cells;
  const api = (path) => '/api/notebooks/' + encodeURIComponent(id) + path;
  const list = document.querySelector('.notebook-cells');
  const empty = document.querySelector('.notebook-empty');
  const saveState = document.querySelector('.save-state');
  const titleInput = document.querySelector('.notebook-title');
  const summaryInput = document.querySelector('.notebook-summary');
  const kernelStatus = document.querySelector('.kernel-status');
  const stopButton = document.querySelector('.notebook-bar .stop');
  const varsPanel = document.querySelector('details.variables');
  const cells = [];
  const runner = C.runner({
    base: api(''), kernelStatus: kernelStatus, stopButton: stopButton, varsPanel: varsPanel,
    markStaleBelow: markStaleBelow,
  });

  // ------------------------------------------------------------------ saving

  let saving = false;
  let dirty = false;

  function body() {
    return {
      title: titleInput.value, summary: summaryInput.value,
      cells: cells.map((c) => ({ kind: c.kind, mode: c.mode, source: c.editor ? c.editor.getValue() : c.source })),
    };
  }

  async function save() {
    if (saving) { dirty = true; return; }
    saving = true;
    dirty = false;
    saveState.textContent = 'Saving…';
    try {
      await TuneLab.call('PUT', api(''), body());
      saveState.textContent = 'Saved';
      document.title = (titleInput.value || 'Untitled notebook') + ' · Playground · TuneLab';
    } catch (e) {
      saveState.textContent = 'Not saved: ' + e.message + ' (retrying on your next change)';
    } finally {
      saving = false;
      if (dirty) save();
    }
  }
  const changed = C.debounce(save, 700);
  function edited() {
    saveState.textContent = 'Editing…';
    changed();
  }
  titleInput.addEventListener('input', edited);
  summaryInput.addEventListener('input', edited);
  // Leaving with an edit not yet saved: send it anyway (keepalive outlives the page).
  window.addEventListener('pagehide', () => {
    if (saveState.textContent === 'Editing…') {
      fetch(api(''), { method: 'PUT', keepalive: true, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body()) });
    }
  });

  // ------------------------------------------------------------------ cells

  function button(cls, text, title, onClick) {
    const b = el('button', cls, text);
    b.type = 'button';
    b.title = title;
    b.setAttribute('aria-label', title);
    b.addEventListener('click', onClick);
    return b;
  }

  function modeSelect(cell) {
    const select = el('select', 'cell-mode');
    select.setAttribute('aria-label', 'How the cell runs when exported');
    select.title = 'How the cell runs in an exported lesson';
    [['run', 'runs'], ['no-run', 'display only'], ['expect-error', 'fails on purpose']].forEach(([value, text]) => {
      const o = el('option', null, text);
      o.value = value;
      select.append(o);
    });
    select.value = cell.mode;
    select.addEventListener('change', () => {
      cell.mode = select.value;
      cell.section.dataset.mode = select.value;
      edited();
    });
    return select;
  }

  function makeCell(data) {
    const cell = { kind: data.kind, mode: data.mode || 'run', source: data.source || '', marks: [], ran: false };
    const section = el('section', 'cell playground-cell' + (cell.kind === 'markdown' ? ' markdown-cell' : ''));
    section.dataset.kind = cell.kind;
    section.dataset.mode = cell.mode;
    const bar = el('div', 'cell-bar');
    cell.section = section;
    cell.status = el('span', 'cell-status');
    cell.status.setAttribute('aria-live', 'polite');
    if (cell.kind === 'java') {
      bar.append(button('run', '▶ Run', 'Run (Shift+Enter)', () => run(cell)));
      cell.label = el('span', 'cell-label', '[ ]');
      bar.append(cell.label, modeSelect(cell));
    } else {
      bar.append(button('edit-md', 'Edit', 'Edit the text (double-click or Enter)', () => editMarkdown(cell)));
      bar.append(el('span', 'cell-label', 'Text'));
    }
    bar.append(cell.status);
    bar.append(button('move-up', '↑', 'Move up (Alt+Up)', () => move(cell, -1)));
    bar.append(button('move-down', '↓', 'Move down (Alt+Down)', () => move(cell, 1)));
    bar.append(button('duplicate', 'Duplicate', 'Duplicate the cell', () => duplicate(cell)));
    bar.append(button('delete-cell', '✕', 'Delete the cell', () => remove(cell)));
    section.append(bar);
    const textarea = el('textarea', 'cell-code');
    textarea.value = cell.source;
    textarea.setAttribute('aria-label', cell.kind === 'java' ? 'Java code' : 'Markdown text');
    section.append(textarea);
    if (cell.kind === 'markdown') {
      cell.view = el('div', 'md-view body');
      cell.view.tabIndex = 0;
      cell.view.title = 'Double-click to edit';
      cell.view.addEventListener('dblclick', () => editMarkdown(cell));
      cell.view.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); editMarkdown(cell); } });
      section.append(cell.view);
    }
    cell.output = el('div', 'cell-output');
    cell.output.setAttribute('aria-live', 'polite');
    section.append(cell.output);
    const add = el('div', 'add-below');
    add.append(button('add-java', '+ Code', 'Add a Java cell below', () => insert(cell, 'java')),
      button('add-markdown', '+ Text', 'Add a Markdown cell below', () => insert(cell, 'markdown')));
    section.append(add);
    cell.textarea = textarea;
    return cell;
  }

  /** Puts the cell's editor on the page (CodeMirror needs the textarea in the document). */
  function mountEditor(cell) {
    cell.editor = CodeMirror.fromTextArea(cell.textarea, {
      mode: cell.kind === 'java' ? 'text/x-java' : 'markdown', lineNumbers: cell.kind === 'java', matchBrackets: true,
      autoCloseBrackets: cell.kind === 'java', lineWrapping: true, indentUnit: 4, viewportMargin: Infinity,
      screenReaderLabel: cell.textarea.getAttribute('aria-label'),
      extraKeys: {
        'Shift-Enter': () => { submit(cell); next(cell); },
        'Ctrl-Enter': () => submit(cell),
        'Cmd-Enter': () => submit(cell),
        'Ctrl-Shift-Enter': runAll,
        'Cmd-Shift-Enter': runAll,
        'Alt-Up': () => move(cell, -1),
        'Alt-Down': () => move(cell, 1),
        'Esc': (cm) => { if (cell.kind === 'markdown') showMarkdown(cell); else cm.getInputField().blur(); },
        'Tab': (cm) => cm.somethingSelected() ? cm.indentSelection('add') : cm.replaceSelection('    '),
      },
    });
    cell.editor.on('change', () => {
      if (cell.kind === 'java') {
        C.clearMarks(cell);
        if (cell.ran) markStaleBelow(cell);
      }
      edited();
    });
    if (cell.kind === 'java' && TuneLab.complete) TuneLab.complete.attach(cell.editor, api(''));
    if (cell.kind === 'markdown') {
      cell.editor.on('blur', () => { if (cell.editing) showMarkdown(cell); });
      if (cell.editor.getValue().trim()) showMarkdown(cell); else editMarkdown(cell, false);
    }
  }

  function submit(cell) {
    if (cell.kind === 'java') run(cell); else showMarkdown(cell);
  }

  function editMarkdown(cell, focus) {
    cell.editing = true;
    cell.section.classList.add('editing');
    cell.editor.refresh();
    if (focus !== false) cell.editor.focus();
  }

  async function showMarkdown(cell) {
    cell.editing = false;
    cell.section.classList.remove('editing');
    const text = cell.editor.getValue();
    if (!text.trim()) {
      cell.view.replaceChildren(el('p', 'muted', 'Empty text cell: double-click to write Markdown.'));
      return;
    }
    try {
      const data = await TuneLab.call('POST', '/api/markdown', { text: text });
      cell.view.innerHTML = data.html; // rendered by the server with raw HTML escaped (MarkdownHtml.safeBlock)
    } catch (e) {
      cell.view.replaceChildren(el('pre', 'out error', 'Cannot show this text: ' + e.message));
    }
  }

  function renumber() {
    empty.hidden = cells.length > 0;
    cells.forEach((c, i) => {
      c.section.setAttribute('aria-label', (c.kind === 'java' ? 'Code cell ' : 'Text cell ') + (i + 1));
      c.section.querySelector('.move-up').disabled = i === 0;
      c.section.querySelector('.move-down').disabled = i === cells.length - 1;
    });
  }

  function place(cell, index) {
    cells.splice(index, 0, cell);
    list.insertBefore(cell.section, index + 1 < cells.length ? cells[index + 1].section : null);
    mountEditor(cell);
    renumber();
  }

  function insert(after, kind, source) {
    const cell = makeCell({ kind: kind, mode: 'run', source: source || '' });
    place(cell, after ? cells.indexOf(after) + 1 : cells.length);
    if (kind === 'markdown') editMarkdown(cell); else cell.editor.focus();
    edited();
    return cell;
  }

  function duplicate(cell) {
    const copy = makeCell({ kind: cell.kind, mode: cell.mode, source: cell.editor.getValue() });
    place(copy, cells.indexOf(cell) + 1);
    edited();
  }

  function remove(cell) {
    const i = cells.indexOf(cell);
    const text = cell.editor.getValue();
    if (text.trim() && !confirm('Delete this cell? Its text cannot be brought back.')) return;
    cells.splice(i, 1);
    cell.section.remove();
    renumber();
    edited();
    if (cells.length) cells[Math.min(i, cells.length - 1)].editor.focus();
  }

  function move(cell, delta) {
    const i = cells.indexOf(cell);
    const j = i + delta;
    if (j < 0 || j >= cells.length) return;
    cells.splice(i, 1);
    cells.splice(j, 0, cell);
    list.insertBefore(cell.section, j + 1 < cells.length ? cells[j + 1].section : null);
    cell.editor.refresh();
    cell.editor.focus();
    cell.section.scrollIntoView({ block: 'nearest' });
    renumber();
    if (cell.kind === 'java' && cells[i].kind === 'java') markStaleBelow(cells[Math.min(i, j)]);
    edited();
  }

  /** Focuses the next cell; after the last, adds a Java cell (as Jupyter does). */
  function next(cell) {
    const i = cells.indexOf(cell);
    if (i + 1 < cells.length) {
      const n = cells[i + 1];
      if (n.kind === 'markdown' && !n.editing) n.view.focus(); else n.editor.focus();
      n.section.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    } else {
      insert(cell, 'java');
    }
  }

  function markStaleBelow(cell) {
    cells.slice(cells.indexOf(cell) + 1).forEach((c) => { if (c.ran) c.section.classList.add('stale'); });
  }

  // ------------------------------------------------------------------ running

  function run(cell) {
    if (cell.mode === 'no-run') {
      cell.status.textContent = 'Display only: this cell does not run (change it in the menu).';
      return Promise.resolve(true);
    }
    return runner.run(cell);
  }

  async function runAll() {
    for (const cell of cells.filter((c) => c.kind === 'java' && c.mode !== 'no-run')) {
      const ok = await run(cell);
      if (!ok && cell.mode !== 'expect-error') break;
    }
  }

  // ------------------------------------------------------------------ toolbar

  document.querySelector('.notebook-bar .run-all').addEventListener('click', runAll);
  stopButton.addEventListener('click', () => { TuneLab.call('POST', api('/stop')).catch(() => {}); });
  document.querySelector('.notebook-bar .restart').addEventListener('click', async () => {
    C.setKernel(kernelStatus, 'busy', 'Restarting…');
    try {
      await TuneLab.call('POST', api('/restart'));
      runner.restarted();
      cells.forEach((c) => {
        c.ran = false;
        c.section.classList.remove('stale');
        if (c.label && c.kind === 'java') c.label.textContent = '[ ]';
      });
      C.setKernel(kernelStatus, 'idle', 'Kernel restarted: variables forgotten');
    } catch (e) { C.setKernel(kernelStatus, 'dead', e.message); }
  });
  document.querySelector('.notebook-bar .delete-notebook').addEventListener('click', async () => {
    if (!confirm('Delete this notebook? Its cells cannot be brought back.')) return;
    try {
      await TuneLab.call('DELETE', api(''));
      location.href = '/playground';
    } catch (e) { saveState.textContent = e.message; }
  });
  document.querySelector('.add-cells .add-java').addEventListener('click', () => insert(null, 'java'));
  document.querySelector('.add-cells .add-markdown').addEventListener('click', () => insert(null, 'markdown'));
  if (varsPanel) varsPanel.addEventListener('toggle', () => C.refreshVariables(varsPanel, api('/variables')));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.shiftKey && (e.ctrlKey || e.metaKey)) { e.preventDefault(); runAll(); }
  });

  // ------------------------------------------------------------------ load

  TuneLab.call('GET', api('')).then((notebook) => {
    notebook.cells.forEach((data) => place(makeCell(data), cells.length));
    renumber();
    saveState.textContent = 'Saved';
    document.body.dataset.loaded = 'true';
  }).catch((e) => {
    saveState.textContent = 'Cannot open this notebook: ' + e.message;
  });
})();
