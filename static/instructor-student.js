// One student of a class, read-only: lessons, exercises and the code of their last checks. Polls every 5 s (not
// while the tab is hidden) and updates in place, so a selection in the code survives a poll that changes nothing.
(function () {
  'use strict';
  const el = TuneLab.el;
  const main = document.querySelector('main.student-view');
  const api = '/api/instructor/classes/' + encodeURIComponent(main.dataset.classId)
    + '/students/' + encodeURIComponent(main.dataset.member);
  const POLL_MS = 5000;

  // ---- small helpers ----

  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  /** "3 min ago" for an ISO time, measured from `now` (the server's clock). */
  function ago(iso, now) {
    const t = Date.parse(iso);
    if (isNaN(t)) return String(iso);
    const s = Math.max(0, Math.round((now - t) / 1000));
    if (s < 10) return 'just now';
    if (s < 60) return s + ' s ago';
    const m = Math.floor(s / 60);
    if (m < 60) return m + ' min ago';
    const h = Math.floor(m / 60);
    if (h < 24) return h + ' h ago';
    const d = Math.floor(h / 24);
    return d < 60 ? d + (d === 1 ? ' day ago' : ' days ago') : new Date(t).toLocaleDateString();
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

  /** Makes the children of `parent` match `items` in order, keeping each item's node (by key) and refilling it. */
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

  function lessonLabel(l) {
    return (l.number === null || l.number === undefined ? '' : l.number + ' ') + l.title;
  }

  function lessonName(ref, lessons) {
    if (ref === null || ref === undefined) return '—';
    const l = lessons.find((x) => x.slug === ref || String(x.number) === String(ref));
    return l ? lessonLabel(l) : String(ref);
  }

  /** A lesson's `opened`: a time, a yes/no, or a count. */
  function wasOpened(v) {
    return typeof v === 'number' ? v > 0 : !!v;
  }

  /** The outcome of an exercise's last check, after its time. */
  function checkSummary(c) {
    const failed = (c.failed || []).length;
    if (typeof c.passed === 'number') return c.passed + ' passed, ' + failed + ' failed';
    if (c.passed === true) return 'all passed';
    return failed + (failed === 1 ? ' check failed' : ' checks failed');
  }

  const codeId = (slug) => 'code-' + slug;

  // ---- rendering ----

  function renderHead(d, now) {
    setText(document.querySelector('.student-name'), d.name);
    setTime(document.querySelector('.student-joined'), d.joinedAt, now);
    setTime(document.querySelector('.student-last-active'), d.lastActive, now, 'not yet');
    const exercises = d.exercises || [];
    const lessons = d.lessons || [];
    setText(document.querySelector('.stat-passed'),
      exercises.filter((e) => e.passed).length + ' of ' + exercises.length);
    setText(document.querySelector('.stat-opened'),
      lessons.filter((l) => wasOpened(l.opened)).length + ' of ' + lessons.length);
    setText(document.querySelector('.stat-runs'), String(lessons.reduce((sum, l) => sum + (l.runs || 0), 0)));
    setText(document.querySelector('.stat-errors'), String(lessons.reduce((sum, l) => sum + (l.errors || 0), 0)));
  }

  function renderExercises(d, now) {
    const exercises = d.exercises || [];
    const lessons = d.lessons || [];
    document.querySelector('.exercises-empty').hidden = exercises.length > 0;
    document.querySelector('table.student-exercises').closest('.table-wrap').hidden = exercises.length === 0;
    sync(document.querySelector('table.student-exercises tbody'), exercises, (e) => e.slug,
      (e) => {
        const tr = el('tr');
        tr.dataset.exercise = e.slug;
        const name = el('th');
        name.scope = 'row';
        const lastCheck = el('td', 'last-check');
        lastCheck.append(el('time'), el('span', 'check-outcome'));
        tr.append(name, el('td', 'lesson'), el('td', 'passed-state'), el('td', 'num attempts'), el('td', 'first-passed'),
          lastCheck);
        tr.cells[4].append(el('time'));
        return tr;
      },
      (tr, e) => {
        // the title links to the exercise's code further down, once there is code
        const name = tr.cells[0];
        const linked = name.firstElementChild;
        if (e.code && !linked) {
          name.replaceChildren(el('a', null, e.title));
          name.firstChild.href = '#' + codeId(e.slug);
        } else if (!e.code && (linked || name.textContent !== e.title)) {
          name.replaceChildren(e.title);
        } else if (linked) {
          setText(linked, e.title);
        }
        setText(tr.cells[1], lessonName(e.lesson, lessons));
        setText(tr.cells[2], e.passed ? 'passed' : 'not passed');
        tr.cells[2].classList.toggle('yes', !!e.passed);
        setText(tr.cells[3], String(e.attempts));
        setTime(tr.cells[4].firstChild, e.firstPassedAt, now);
        const check = e.lastCheck;
        setTime(tr.cells[5].firstChild, check ? check.at : null, now, 'none');
        setText(tr.cells[5].lastChild, check ? ': ' + checkSummary(check) : '');
      });
  }

  function renderCode(d, now) {
    const withCode = (d.exercises || []).filter((e) => e.code !== null && e.code !== undefined);
    document.querySelector('.code-empty').hidden = withCode.length > 0;
    sync(document.querySelector('div.attempt-list'), withCode, (e) => e.slug,
      (e) => {
        const box = el('article', 'attempt');
        const title = el('h3');
        title.id = codeId(e.slug);
        const code = el('pre', 'attempt-code');
        code.tabIndex = 0; // long code scrolls: the keyboard must reach it too
        box.append(title, el('p', 'attempt-meta muted'), el('ul', 'failed-checks'), code);
        return box;
      },
      (box, e) => {
        setText(box.querySelector('h3'), e.title);
        const check = e.lastCheck;
        setText(box.querySelector('.attempt-meta'), (e.passed ? 'passed' : 'not passed') + ' · '
          + e.attempts + (e.attempts === 1 ? ' attempt' : ' attempts')
          + (check ? ' · last checked ' + ago(check.at, now) + ': ' + checkSummary(check) : ''));
        const failed = (check && check.failed) || [];
        const list = box.querySelector('.failed-checks');
        list.hidden = failed.length === 0;
        sync(list, failed, (f) => f.check,
          () => {
            const item = el('li');
            item.append(el('strong', 'check'), ' ', el('span', 'message'));
            return item;
          },
          (item, f) => {
            setText(item.firstChild, f.check);
            setText(item.lastChild, f.message || '');
          });
        setText(box.querySelector('.attempt-code'), e.code);
      });
  }

  function renderLessons(d, now) {
    sync(document.querySelector('table.student-lessons tbody'), d.lessons || [], (l) => l.slug,
      (l) => {
        const tr = el('tr');
        tr.dataset.lesson = l.slug;
        const name = el('th');
        name.scope = 'row';
        const opened = el('td', 'opened');
        opened.append(el('time'));
        tr.append(name, opened, el('td', 'num runs'), el('td', 'num errors'));
        return tr;
      },
      (tr, l) => {
        setText(tr.cells[0], lessonLabel(l));
        const opened = tr.cells[1].firstChild;
        if (typeof l.opened === 'string') setTime(opened, l.opened, now);
        else setTime(opened, null, now, typeof l.opened === 'number' ? String(l.opened) : (l.opened ? 'yes' : 'no'));
        setText(tr.cells[2], String(l.runs));
        setText(tr.cells[3], String(l.errors));
      });
  }

  function render(d) {
    const now = Date.now();
    renderHead(d, now);
    renderExercises(d, now);
    renderCode(d, now);
    renderLessons(d, now);
  }

  // ---- polling ----

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

  async function poll() {
    clearTimeout(timer);
    timer = null;
    if (busy || document.hidden) return;
    busy = true;
    try {
      render(await TuneLab.call('GET', api));
      receivedAt = Date.now();
      tick();
      setText(errorLine, '');
    } catch (e) {
      setText(errorLine, 'Could not update: ' + e.message
        + (receivedAt ? ' Showing the last data; trying again.' : ' Trying again.'));
    } finally {
      busy = false;
      if (!document.hidden) timer = setTimeout(poll, POLL_MS);
    }
  }

  document.addEventListener('visibilitychange', () => {
    if (document.hidden) {
      clearTimeout(timer);
      timer = null;
    } else {
      poll();
    }
  });
  setInterval(tick, 1000);
  poll();
})();
