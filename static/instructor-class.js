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

  const C = TuneLabClasses;
  const { setText, setTime, sync, emptyRow, showTable, lessonLabel, lessonName } = C;

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
    setText(document.querySelector('.kernels-ready'), String(d.kernelsReady));
    setText(document.querySelector('.check-kernels-ready'), String(d.checkKernelsReady));
    const starting = (d.kernelsStarting || 0) + (d.checkKernelsStarting || 0);
    setText(document.querySelector('.kernels-starting'), starting > 0 ? `; ${starting} starting` : '');
    const count = document.querySelector('.prepare-count');
    if (!count.dataset.typed && d.students > 0) count.value = String(d.students); // the class's size, until one is typed
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

  // ---- the join link, kernels ahead of the class, and polling ----

  const prepare = document.querySelector('form.prepare');
  prepare.querySelector('.prepare-count').addEventListener('input', (e) => { e.target.dataset.typed = 'yes'; });
  prepare.addEventListener('submit', async (event) => {
    event.preventDefault();
    const status = prepare.querySelector('.prepare-status');
    const n = parseInt(prepare.querySelector('.prepare-count').value, 10);
    status.textContent = 'Starting…';
    try {
      const r = await TuneLab.call('POST', '/api' + base + '/prepare', Number.isFinite(n) ? { students: n } : {});
      const asked = r.asked + r.checksAsked;
      status.textContent = asked > 0 ? 'Starting ' + asked + ' kernels in the background; the counts above grow as they start.'
        : 'No more: the server already has as many prepared as it allows.';
    } catch (e) { status.textContent = e.message; }
  });

  C.copyButton(document.querySelector('.join-box .copy-link'), document.querySelector('.join-box .join-url'));

  C.poll({
    url: api,
    every: POLL_MS,
    what: 'numbers',
    render: render,
    describe: (data) => 'Numbers as of ' + data.generatedAt + ' (the query took ' + data.queryMs + ' ms)',
  });
})();
