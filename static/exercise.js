// TuneLab exercises: an editor with the student's code, Check / Hint / Reset, and the results of
// each check (docs/API.md, /api/exercises/...). Loaded on lesson pages after notebook.js.
(function () {
  'use strict';
  const api = (slug, path) => '/api/exercises/' + encodeURIComponent(slug) + path;

  const el = TuneLab.el;
  const call = TuneLab.call;

  function setup(section) {
    const slug = section.dataset.exercise;
    const textarea = section.querySelector('.cell-code');
    const status = section.querySelector('.cell-status');
    const results = section.querySelector('.check-results');
    const hintButton = section.querySelector('.hint');
    const hints = section.querySelector('.hints');
    const total = Number(section.dataset.hints);
    let shown = Number(section.dataset.hintsShown);
    let marks = [];
    let checking = false;

    const editor = CodeMirror.fromTextArea(textarea, {
      mode: 'text/x-java', lineNumbers: true, matchBrackets: true, autoCloseBrackets: true, indentUnit: 4, lineWrapping: true,
      viewportMargin: Infinity, screenReaderLabel: textarea.getAttribute('aria-label'),
      extraKeys: {
        'Shift-Enter': () => check(), 'Ctrl-Enter': () => check(), 'Cmd-Enter': () => check(),
        'Esc': (cm) => cm.getInputField().blur(),
        'Tab': (cm) => cm.somethingSelected() ? cm.indentSelection('add') : cm.replaceSelection('    '),
      },
    });
    TuneLab.complete.attach(editor, api(slug, ''));
    let timer = null;
    editor.on('change', () => {
      marks.forEach((m) => m.clear ? m.clear() : editor.removeLineClass(m, 'background', 'error-line'));
      marks = [];
      clearTimeout(timer);
      timer = setTimeout(() => call('PUT', api(slug, '/code'), { code: editor.getValue() }).catch(() => {}), 600);
    });

    function updateHintButton() {
      hintButton.disabled = shown >= total;
      hintButton.textContent = total === 0 ? 'No hints' : (shown >= total ? 'No more hints' : 'Hint (' + (total - shown) + ' left)');
    }
    updateHintButton();

    async function check() {
      if (checking) return;
      checking = true;
      const started = performance.now();
      let waiting = null; // where the check stands while it waits: its place in line, or a VM starting for it
      const tick = setInterval(() => {
        const seconds = ((performance.now() - started) / 1000).toFixed(1) + ' s';
        status.textContent = waiting ? waiting + ' ' + seconds : 'Checking… ' + seconds;
      }, 100);
      section.classList.add('running');
      try {
        render(await TuneLab.stream(api(slug, '/check'), { code: editor.getValue() }, (event) => {
          waiting = TuneLab.waitingText(event);
        }));
      } catch (e) {
        results.replaceChildren(el('p', 'summary-line fail', e.message));
        status.textContent = 'Failed';
      } finally {
        clearInterval(tick);
        section.classList.remove('running');
        checking = false;
      }
    }

    function render(r) {
      const passedCount = r.checks.filter((c) => c.passed).length;
      const line = el('p', 'summary-line ' + (r.passed ? 'pass' : 'fail'),
        r.passed ? 'All ' + r.checks.length + ' checks passed. Exercise done!'
          : passedCount + ' of ' + r.checks.length + ' checks passed.');
      const nodes = [line];
      if (r.message) nodes.push(el('p', 'summary-line fail', r.message));
      (r.diagnostics || []).forEach((d) => {
        nodes.push(el('p', 'why', 'Line ' + d.line + ', column ' + d.column + ': ' + d.message));
        const ln = Math.max(0, d.line - 1);
        marks.push(editor.addLineClass(ln, 'background', 'error-line'));
        marks.push(editor.markText({ line: ln, ch: Math.max(0, d.column - 1) }, { line: ln, ch: d.column }, { className: 'error-mark' }));
      });
      const list = el('ul');
      r.checks.forEach((c) => {
        const li = el('li', c.passed ? 'pass' : 'fail');
        li.append(el('span', 'mark', c.passed ? '✓' : '✗'), el('span', 'name', c.name));
        if (c.hidden) li.append(el('span', 'hidden-tag', '(hidden check)'));
        if (c.elapsedMs) li.append(el('span', 'time', c.elapsedMs + ' ms'));
        if (!c.passed && c.message) li.append(el('span', 'why', c.message));
        list.append(li);
      });
      nodes.push(list);
      results.replaceChildren(...nodes);
      status.textContent = (r.passed ? 'Passed' : 'Not yet') + ' · ' + r.elapsedMs + ' ms · attempt ' + r.attempts;
      if (r.done) section.classList.add('done');
    }

    section.querySelector('.check').addEventListener('click', check);
    hintButton.addEventListener('click', async () => {
      try {
        const h = await call('GET', api(slug, '/hint?n=' + (shown + 1)));
        const li = el('li');
        li.innerHTML = h.html; // instructor-written Markdown, rendered by the server
        hints.append(li);
        shown = h.n;
        updateHintButton();
      } catch (e) { status.textContent = e.message; }
    });
    section.querySelector('.reset-exercise').addEventListener('click', async () => {
      try {
        const data = await call('DELETE', api(slug, '/code'));
        editor.setValue(data.code);
        results.replaceChildren();
      } catch (e) { status.textContent = e.message; }
    });
  }

  document.querySelectorAll('section.exercise').forEach(setup);
})();
