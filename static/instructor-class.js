// A class's live dashboard: polls the class's numbers every 3 s (not while the tab is hidden) and updates the
// charts and tables in place, so scroll position, focus and selection survive each poll.
(function () {
  'use strict';
  const el = TuneLab.el;
  const main = document.querySelector('main.class-dashboard');
  const classId = main.dataset.classId;
  const base = '/instructor/classes/' + encodeURIComponent(classId);
  const api = '/api' + base + '/dashboard';
  const POLL_MS = 3000;
  const ACTIVE_MS = 10 * 60 * 1000; // "active" in the summary: did something in the last 10 minutes

  // ---- small helpers ----

  /** Sets text only when it changed, so a poll that changes nothing touches nothing (and selections survive). */
  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  /** "3 min ago" for an ISO time, measured from `now` (the server's clock, so a skewed laptop clock is no matter). */
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

  /** Shows an ISO time (or null: `never`) in a <time>, relative, with the ISO time as its title. */
  function setTime(node, iso, now, never) {
    if (!iso) {
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

  /** A table row of empty cells: [tag, class] each; a 'th' is the row's header. */
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

  function studentHref(member) {
    return base + '/students/' + encodeURIComponent(member);
  }

  // ---- charts ----

  const css = getComputedStyle(document.documentElement);
  const cssColor = (name, fallback) => css.getPropertyValue(name).trim() || fallback;
  const ink = cssColor('--muted', '#5b6475');
  const gridColor = cssColor('--line', '#dde1e8');
  const accent = cssColor('--accent', '#3451b2');
  const ok = cssColor('--ok', '#1a7f37');
  const light = (hex) => (/^#[0-9a-f]{6}$/i.test(hex) ? hex + '59' : hex);

  const shorten = (label) => (label.length > 26 ? label.slice(0, 25) + '…' : label);

  /** A horizontal bar chart with one bar per series for each row; null without Chart.js (the tables remain). */
  function barChart(canvas, series) {
    if (typeof Chart === 'undefined') return null;
    return new Chart(canvas, {
      type: 'bar',
      data: {
        labels: [],
        datasets: series.map((s) => ({
          label: s.name, data: [], backgroundColor: s.fill, borderColor: s.line, borderWidth: 1,
        })),
      },
      options: {
        indexAxis: 'y',
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: {
            beginAtZero: true, max: 1,
            title: { display: true, text: 'students', color: ink },
            ticks: { precision: 0, color: ink },
            grid: { color: gridColor },
          },
          y: {
            ticks: { color: ink, autoSkip: false, callback: function (value) { return shorten(this.getLabelForValue(value)); } },
            grid: { display: false },
          },
        },
        plugins: { legend: { position: 'top', align: 'start', labels: { color: ink, boxWidth: 14 } } },
      },
    });
  }

  /** New numbers into a chart, in place; the chart grows with its rows so bars keep a readable height. */
  function updateChart(chart, labels, values, students) {
    if (!chart) return;
    const height = Math.max(140, labels.length * 30 + 80) + 'px';
    const box = chart.canvas.parentNode;
    if (box.style.height !== height) box.style.height = height;
    chart.data.labels = labels;
    values.forEach((v, i) => { chart.data.datasets[i].data = v; });
    // out of the class's students, unless some count is larger (a student who left still counts)
    chart.options.scales.x.max = Math.max(1, students, ...values.flat());
    chart.update();
  }

  const lessonsChart = barChart(document.querySelector('canvas.lessons-chart'), [
    { name: 'opened', fill: light(accent), line: accent },
    { name: 'ran a cell', fill: accent, line: accent },
  ]);
  const exercisesChart = barChart(document.querySelector('canvas.exercises-chart'), [
    { name: 'attempted', fill: light(accent), line: accent },
    { name: 'passed', fill: ok, line: ok },
  ]);

  // ---- the sections ----

  function renderSummary(d, now) {
    const roster = d.roster || [];
    setText(document.querySelector('.student-count'), String(d.students));
    const passed = (d.exercises || []).reduce((sum, e) => sum + e.passed, 0);
    setText(document.querySelector('.passed-total'), String(passed));
    const active = roster.filter((r) => r.lastActive && now - Date.parse(r.lastActive) < ACTIVE_MS).length;
    setText(document.querySelector('.active-count'), String(active));
    setText(document.querySelector('.stuck-count'), String((d.stuck || []).length));
  }

  function renderLessons(d) {
    const lessons = d.lessons || [];
    updateChart(lessonsChart, lessons.map(lessonLabel),
      [lessons.map((l) => l.opened), lessons.map((l) => l.ran)], d.students);
    setText(document.querySelector('.lesson-caption'), 'Students per lesson, out of ' + d.students);
    sync(document.querySelector('table.lesson-table tbody'), lessons, (l) => l.slug,
      (l) => {
        const tr = emptyRow([['th', 'lesson'], ['td', 'num opened'], ['td', 'num ran']]);
        tr.dataset.lesson = l.slug;
        return tr;
      },
      (tr, l) => {
        setText(tr.cells[0], lessonLabel(l));
        setText(tr.cells[1], String(l.opened));
        setText(tr.cells[2], String(l.ran));
      });
  }

  function renderExercises(d) {
    const exercises = d.exercises || [];
    const lessons = d.lessons || [];
    updateChart(exercisesChart, exercises.map((e) => e.title),
      [exercises.map((e) => e.attempted), exercises.map((e) => e.passed)], d.students);
    setText(document.querySelector('.exercise-caption'), 'Students per exercise, out of ' + d.students);
    sync(document.querySelector('table.exercise-table tbody'), exercises, (e) => e.slug,
      (e) => {
        const tr = emptyRow([['th', 'exercise-name'], ['td', 'num attempted'], ['td', 'num passed'], ['td', 'num attempts']]);
        tr.dataset.exercise = e.slug;
        return tr;
      },
      (tr, e) => {
        setText(tr.cells[0], e.title);
        tr.cells[0].title = 'Lesson ' + lessonName(e.lesson, lessons);
        setText(tr.cells[1], String(e.attempted));
        setText(tr.cells[2], String(e.passed));
        setText(tr.cells[3], String(e.attempts));
      });
  }

  function renderFailing(d) {
    const rows = d.failingChecks || [];
    const table = document.querySelector('table.failing-checks');
    showTable(table, document.querySelector('.failing-empty'), rows.length > 0);
    sync(table.tBodies[0], rows, (f) => JSON.stringify([f.exercise, f.check]),
      () => emptyRow([['th', 'exercise-name'], ['td', 'check'], ['td', 'message'], ['td', 'num students'], ['td', 'num failures']]),
      (tr, f) => {
        setText(tr.cells[0], f.exerciseTitle || f.exercise);
        setText(tr.cells[1], f.check);
        setText(tr.cells[2], f.message || '');
        setText(tr.cells[3], String(f.students));
        setText(tr.cells[4], String(f.failures));
      });
  }

  function renderCompileErrors(d) {
    const rows = d.compileErrors || [];
    const lessons = d.lessons || [];
    const table = document.querySelector('table.compile-errors');
    showTable(table, document.querySelector('.compile-empty'), rows.length > 0);
    sync(table.tBodies[0], rows, (c) => JSON.stringify([c.message, c.lesson]),
      () => emptyRow([['td', 'message'], ['td', 'lesson'], ['td', 'num students'], ['td', 'num count']]),
      (tr, c) => {
        setText(tr.cells[0], c.message);
        setText(tr.cells[1], lessonName(c.lesson, lessons));
        setText(tr.cells[2], String(c.students));
        setText(tr.cells[3], String(c.count));
      });
  }

  function renderStuck(d, now) {
    const stuck = d.stuck || [];
    const empty = document.querySelector('.stuck-empty');
    setText(empty, 'Nobody looks stuck: no one has failed an exercise 3 times without passing for '
      + d.stuckAfterMinutes + ' minutes.');
    empty.hidden = stuck.length > 0;
    sync(document.querySelector('ul.stuck'), stuck, (s) => JSON.stringify([s.member, s.exercise]),
      () => {
        const item = el('li');
        item.append(el('a', 'stuck-link'), ' on ', el('strong', 'exercise-title'), ': ', el('span', 'attempts'),
          ', failing since ', el('time'));
        return item;
      },
      (item, s) => {
        const link = item.querySelector('a');
        setText(link, s.name);
        link.href = studentHref(s.member);
        setText(item.querySelector('.exercise-title'), s.exerciseTitle || s.exercise);
        setText(item.querySelector('.attempts'), s.failedAttempts + ' failed attempts');
        setTime(item.querySelector('time'), s.since, now);
      });
  }

  function renderRoster(d, now) {
    const roster = d.roster || [];
    const table = document.querySelector('table.roster');
    showTable(table, document.querySelector('.roster-empty'), roster.length > 0);
    sync(table.tBodies[0], roster, (r) => r.member,
      (r) => {
        const tr = emptyRow([['th', 'name'], ['td', 'joined'], ['td', 'last-active'], ['td', 'num lessons-opened'],
          ['td', 'num lessons-ran'], ['td', 'num exercises-passed'], ['td', 'num attempts']]);
        tr.dataset.member = r.member;
        tr.cells[0].append(el('a', 'student-link'));
        tr.cells[1].append(el('time'));
        tr.cells[2].append(el('time'));
        return tr;
      },
      (tr, r) => {
        const link = tr.cells[0].firstChild;
        setText(link, r.name);
        link.href = studentHref(r.member);
        setTime(tr.cells[1].firstChild, r.joinedAt, now);
        setTime(tr.cells[2].firstChild, r.lastActive, now, 'not yet');
        setText(tr.cells[3], String(r.lessonsOpened));
        setText(tr.cells[4], String(r.lessonsRan));
        setText(tr.cells[5], String(r.exercisesPassed));
        setText(tr.cells[6], String(r.attempts));
      });
  }

  function render(d) {
    const now = Date.parse(d.generatedAt) || Date.now();
    renderSummary(d, now);
    renderLessons(d);
    renderExercises(d);
    renderStuck(d, now);
    renderFailing(d);
    renderCompileErrors(d);
    renderRoster(d, now);
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
      const data = await TuneLab.call('GET', api);
      render(data);
      receivedAt = Date.now();
      updated.title = 'Numbers as of ' + data.generatedAt + ' (the query took ' + data.queryMs + ' ms)';
      tick();
      setText(errorLine, '');
    } catch (e) {
      setText(errorLine, 'Could not update: ' + e.message
        + (receivedAt ? ' Showing the last numbers; trying again.' : ' Trying again.'));
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

  // ---- the join link ----

  const copy = document.querySelector('.join-box .copy-link');
  copy.addEventListener('click', async () => {
    const source = document.querySelector('.join-box .join-url');
    try {
      await navigator.clipboard.writeText(source.textContent);
      copy.textContent = 'Copied';
    } catch (e) { // the clipboard needs https or localhost: select the link for Ctrl+C instead
      window.getSelection().selectAllChildren(source);
      copy.textContent = 'Selected: press Ctrl+C';
    }
    setTimeout(() => { copy.textContent = 'Copy link'; }, 2000);
  });

  poll();
})();
