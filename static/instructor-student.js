// One student of a class, read-only: lessons, exercises and the code of their last checks. Polls every 5 s (not
// while the tab is hidden) and updates in place, so a selection in the code survives a poll that changes nothing.
(function () {
  'use strict';
  const el = TuneLab.el;
  const main = document.querySelector('main.student-view');
  const api = '/api/instructor/classes/' + encodeURIComponent(main.dataset.classId)
    + '/students/' + encodeURIComponent(main.dataset.member);
  const POLL_MS = 5000;

  const C = TuneLabClasses;
  const { ago, setText, setTime, sync, emptyRow, showTable, lessonLabel, lessonName } = C;

  // ---- small helpers ----

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
    const table = document.querySelector('table.student-exercises');
    showTable(table, document.querySelector('.exercises-empty'), exercises.length > 0);
    sync(table.tBodies[0], exercises, (e) => e.slug,
      (e) => {
        const tr = emptyRow([['th'], ['td', 'lesson'], ['td', 'passed-state'], ['td', 'num attempts'],
          ['td', 'first-passed'], ['td', 'last-check']]);
        tr.dataset.exercise = e.slug;
        tr.cells[4].append(el('time'));
        tr.cells[5].append(el('time'), el('span', 'check-outcome'));
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
        const tr = emptyRow([['th'], ['td', 'opened'], ['td', 'num runs'], ['td', 'num errors']]);
        tr.dataset.lesson = l.slug;
        tr.cells[1].append(el('time'));
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

  C.poll({ url: api, every: POLL_MS, what: 'data', render: render });
})();
