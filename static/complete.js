// Completion and documentation in a Java editor, answered by the kernel behind an API path (docs/API.md):
// POST base + '/complete' and base + '/docs' with {code, cursor}. Ctrl+Space, or typing '.', opens CodeMirror's
// show-hint list; Shift+Tab (as in Jupyter) or Ctrl+Shift+Space shows the signatures and Javadoc of the method
// under the cursor. Any page calls TuneLab.complete.attach(editor, base) once per editor.
TuneLab.complete = (function () {
  'use strict';
  const el = TuneLab.el;
  /** After a '.', wait this long for more typing before asking (a '..' or a pasted name asks once). */
  const DOT_DELAY_MS = 150;

  function attach(editor, base) {
    let inFlight = false;  // one request at a time per editor
    let queued = null;     // the hint callback that arrived while a request was out: answered after it
    let last = null;       // the last answer, to filter while the student types more of the same name
    let dotTimer = null;
    let popup = null;

    /** JSON answer of one API call, or null when the server cannot answer (a completion never shows an error). */
    async function ask(path, code, cursor) {
      try {
        return await TuneLab.call('POST', base + path, { code: code, cursor: cursor });
      } catch (e) {
        return null;
      }
    }

    function hintsFrom(answer, code, cursor) {
      const typed = code.slice(answer.anchor, cursor);
      return {
        list: answer.suggestions.filter((s) => s.startsWith(typed)),
        from: editor.posFromIndex(answer.anchor),
        to: editor.posFromIndex(cursor),
      };
    }

    // show-hint's async hint function: it calls this again as the student types while the list is open, and
    // drops answers to its earlier calls itself.
    async function hint(cm, callback) {
      const code = cm.getValue();
      const cursor = cm.indexFromPos(cm.getCursor());
      if (last && last.before === code.slice(0, last.anchor) && cursor >= last.anchor
          && /^[\w$]*$/.test(code.slice(last.anchor, cursor))) {
        callback(hintsFrom(last, code, cursor)); // more letters of the same name: no need to ask
        return;
      }
      if (inFlight) {
        queued = callback;
        return;
      }
      inFlight = true;
      const answer = await ask('/complete', code, cursor);
      inFlight = false;
      const stale = cm.getValue() !== code || cm.indexFromPos(cm.getCursor()) !== cursor;
      if (queued || stale) { // the text moved on while we asked: ask again for what is there now
        const next = queued || callback;
        queued = null;
        if (stale && answer && !answer.busy) remember(answer, code);
        hint(cm, next);
        return;
      }
      if (!answer) { callback(null); return; }
      if (answer.busy) {
        showPopup(cm, [], 'A cell is running in this kernel; completion works again when it ends.');
        callback(null);
        return;
      }
      remember(answer, code);
      callback(hintsFrom(answer, code, cursor));
    }
    hint.async = true;

    function remember(answer, code) {
      last = { anchor: answer.anchor, suggestions: answer.suggestions, before: code.slice(0, answer.anchor) };
    }

    function open(cm) {
      closePopup();
      last = null;
      cm.showHint({ hint: hint, completeSingle: false });
    }

    /** Not after a '.' in a string, a comment or a number: no member follows those. */
    function dotOpensHint(cm) {
      const cursor = cm.getCursor();
      if (cursor.ch === 0 || cm.getRange({ line: cursor.line, ch: cursor.ch - 1 }, cursor) !== '.') return false;
      const type = cm.getTokenAt(cursor).type || '';
      return !/string|comment|number/.test(type) && !cm.state.completionActive;
    }

    editor.on('inputRead', (cm, change) => {
      if (change.text.length !== 1 || !change.text[0].endsWith('.')) return;
      clearTimeout(dotTimer);
      dotTimer = setTimeout(() => { if (cm.hasFocus() && dotOpensHint(cm)) open(cm); }, DOT_DELAY_MS);
    });

    // ---- documentation popup ----

    function closePopup() {
      if (popup) { popup.remove(); popup = null; }
    }

    function showPopup(cm, entries, note) {
      closePopup();
      popup = el('div', 'doc-popup');
      popup.setAttribute('role', 'tooltip');
      if (note) popup.append(el('p', 'doc-note', note));
      entries.forEach((e) => {
        popup.append(el('code', 'doc-signature', e.signature));
        popup.append(e.javadoc ? el('p', 'doc-text', e.javadoc)
          : el('p', 'doc-text doc-missing', 'No Javadoc here: only the signature is known.'));
      });
      const at = cm.cursorCoords(true, 'page');
      popup.style.left = Math.max(4, Math.min(at.left, window.innerWidth - 420)) + 'px';
      popup.style.top = (at.bottom + 4) + 'px';
      document.body.append(popup);
    }

    async function showDocs(cm) {
      const code = cm.getValue();
      const cursor = cm.indexFromPos(cm.getCursor());
      const answer = await ask('/docs', code, cursor);
      if (cm.getValue() !== code || cm.indexFromPos(cm.getCursor()) !== cursor) return; // moved on: stale
      if (!answer) return;
      if (answer.busy) showPopup(cm, [], 'A cell is running in this kernel; documentation works again when it ends.');
      else if (!answer.entries.length) showPopup(cm, [], 'Nothing documented under the cursor.');
      else showPopup(cm, answer.entries);
    }

    editor.on('cursorActivity', closePopup);
    editor.on('blur', closePopup);
    editor.addKeyMap({
      'Ctrl-Space': open,
      'Shift-Tab': (cm) => (cm.somethingSelected() ? cm.indentSelection('subtract') : showDocs(cm)),
      'Ctrl-Shift-Space': showDocs,
      'Esc': (cm) => { if (!popup) return CodeMirror.Pass; closePopup(); return undefined; },
    });
  }

  return { attach: attach };
})();
