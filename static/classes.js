// Helpers shared by the class pages (join, account, the instructor's classes, a class's dashboard, one student):
// relative times, status lines, copy buttons, and the keyed in-place updates and polling of the live views.
// Loaded after tunelab.js, before the page's own script.
window.TuneLabClasses = (function () {
  'use strict';
  const el = TuneLab.el;

  /**
   * "3 min ago" for an ISO time, measured from `now` (ms; the dashboards pass the server's clock, so a skewed
   * laptop clock is no matter) or, without it, from this browser's clock.
   */
  function ago(iso, now) {
    const t = Date.parse(iso);
    if (isNaN(t)) return String(iso);
    const s = Math.max(0, Math.round(((now === undefined ? Date.now() : now) - t) / 1000));
    if (s < 10) return 'just now';
    if (s < 60) return s + ' s ago';
    const m = Math.floor(s / 60);
    if (m < 60) return m + ' min ago';
    const h = Math.floor(m / 60);
    if (h < 24) return h + ' h ago';
    const d = Math.floor(h / 24);
    return d < 60 ? d + (d === 1 ? ' day ago' : ' days ago') : new Date(t).toLocaleDateString();
  }

  /** A new <time> for an ISO time: relative text, the ISO time as its datetime and title. */
  function timeEl(iso) {
    const t = el('time', null, ago(iso));
    t.dateTime = iso;
    t.title = iso;
    return t;
  }

  /** Shows a message in a status line (role=status), in the error colour for an error. */
  function show(line, text, error) {
    line.textContent = text;
    line.classList.toggle('error', !!error);
  }

  /** Makes `button` copy the text of `source`; without clipboard access (plain http) it selects it for Ctrl+C. */
  function copyButton(button, source) {
    const label = button.textContent;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(source.textContent);
        button.textContent = 'Copied';
      } catch (e) { // the clipboard needs https or localhost
        window.getSelection().selectAllChildren(source);
        button.textContent = 'Selected: press Ctrl+C';
      }
      setTimeout(() => { button.textContent = label; }, 2000);
    });
    return button;
  }

  // ---- in-place updates for the live views ----

  /** Sets text only when it changed, so a poll that changes nothing touches nothing (and selections survive). */
  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  /** Shows an ISO time (or, without one, the text `never`) in a <time>, relative, with the ISO time as its title. */
  function setTime(node, iso, now, never) {
    if (typeof iso !== 'string' || !iso) {
      setText(node, never || '—');
      node.removeAttribute('datetime');
      node.removeAttribute('title');
      return;
    }
    setText(node, ago(iso, now));
    if (node.getAttribute('datetime') !== iso) {
      node.setAttribute('datetime', iso);
      node.title = iso;
    }
  }

  /**
   * Makes the children of `parent` match `items`, in order: an item's node (found by its key) is kept and refilled,
   * new items get a node from make(item), nodes of items that went away are removed.
   */
  function sync(parent, items, keyOf, make, fill) {
    const old = new Map();
    Array.from(parent.children).forEach((node) => old.set(node.dataset.key, node));
    let next = parent.firstElementChild;
    items.forEach((item) => {
      const key = keyOf(item);
      let node = old.get(key);
      if (node) {
        old.delete(key);
      } else {
        node = make(item);
        node.dataset.key = key;
      }
      fill(node, item);
      if (node === next) next = next.nextElementSibling;
      else parent.insertBefore(node, next);
    });
    old.forEach((node) => node.remove());
  }

  /** A table row of empty cells: [tag, class] each (the class may be left out); a 'th' is the row's header. */
  function emptyRow(specs) {
    const tr = el('tr');
    specs.forEach(([tag, cls]) => {
      const cell = el(tag, cls);
      if (tag === 'th') cell.scope = 'row';
      tr.append(cell);
    });
    return tr;
  }

  /** Shows the table of a section, or its empty-state line when there is nothing to list. */
  function showTable(table, emptyLine, hasRows) {
    table.closest('.table-wrap').hidden = !hasRows;
    emptyLine.hidden = hasRows;
  }

  function lessonLabel(l) {
    return (l.number === null || l.number === undefined ? '' : l.number + ' ') + l.title;
  }

  /** A lesson's label from an exercise's or an error's `lesson` (its slug, or its number). */
  function lessonName(ref, lessons) {
    if (ref === null || ref === undefined) return '—';
    const l = lessons.find((x) => x.slug === ref || String(x.number) === String(ref));
    return l ? lessonLabel(l) : String(ref);
  }

  /**
   * Polls `options.url` every `options.every` ms (not while the tab is hidden) and hands each answer to
   * options.render; the page's `.updated` says how long ago the last answer came (its title from options.describe,
   * if given) and `.poll-error` why the last poll failed, while the page keeps the last `options.what` it showed.
   */
  function poll(options) {
    const updated = document.querySelector('.updated');
    const errorLine = document.querySelector('.poll-error');
    let receivedAt = 0;
    let timer = null;
    let busy = false;

    function tick() {
      if (!receivedAt) return;
      const s = Math.round((Date.now() - receivedAt) / 1000);
      setText(updated, 'updated ' + (s < 60 ? s + ' s' : Math.floor(s / 60) + ' min') + ' ago');
    }

    async function once() {
      clearTimeout(timer);
      timer = null;
      if (busy || document.hidden) return;
      busy = true;
      try {
        const data = await TuneLab.call('GET', options.url);
        options.render(data);
        receivedAt = Date.now();
        if (options.describe) updated.title = options.describe(data);
        tick();
        setText(errorLine, '');
      } catch (e) {
        setText(errorLine, 'Could not update: ' + e.message
          + (receivedAt ? ' Showing the last ' + options.what + '; trying again.' : ' Trying again.'));
      } finally {
        busy = false;
        if (!document.hidden) timer = setTimeout(once, options.every);
      }
    }

    document.addEventListener('visibilitychange', () => {
      if (document.hidden) {
        clearTimeout(timer);
        timer = null;
      } else {
        once();
      }
    });
    setInterval(tick, 1000);
    once();
  }

  return {
    ago: ago, timeEl: timeEl, show: show, copyButton: copyButton,
    setText: setText, setTime: setTime, sync: sync, emptyRow: emptyRow, showTable: showTable,
    lessonLabel: lessonLabel, lessonName: lessonName, poll: poll,
  };
})();
