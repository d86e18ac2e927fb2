// The instructor page: sign in with the server's instructor key, then list, share and create classes.
(function () {
  'use strict';
  const el = TuneLab.el;
  const classesSection = document.querySelector('.instructor-classes');
  if (!classesSection) return; // instructor access is off: the page only explains how to turn it on

  /** "3 min ago" for an ISO time (the ISO time itself goes in the title). */
  function ago(iso) {
    const t = Date.parse(iso);
    if (isNaN(t)) return String(iso);
    const s = Math.max(0, Math.round((Date.now() - t) / 1000));
    if (s < 10) return 'just now';
    if (s < 60) return s + ' s ago';
    const m = Math.floor(s / 60);
    if (m < 60) return m + ' min ago';
    const h = Math.floor(m / 60);
    if (h < 24) return h + ' h ago';
    const d = Math.floor(h / 24);
    return d < 60 ? d + (d === 1 ? ' day ago' : ' days ago') : new Date(t).toLocaleDateString();
  }

  /** Makes `button` copy the text of `source`; without clipboard access (plain http) it selects it for Ctrl+C. */
  function copyOnClick(button, source) {
    const label = button.textContent;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(source.textContent);
        button.textContent = 'Copied';
      } catch (e) {
        window.getSelection().selectAllChildren(source);
        button.textContent = 'Selected: press Ctrl+C';
      }
      setTimeout(() => { button.textContent = label; }, 2000);
    });
    return button;
  }

  /** Shows a message in a status line (role=status), in the error colour for an error. */
  function show(line, text, error) {
    line.textContent = text;
    line.classList.toggle('error', !!error);
  }

  // ---- the class list ----

  const list = classesSection.querySelector('ul.classes');
  const empty = classesSection.querySelector('.no-classes');
  const classesStatus = classesSection.querySelector('.classes-status');

  function classItem(c) {
    const item = el('li');
    item.dataset.id = c.id;
    const head = el('div', 'class-head');
    const link = el('a', 'class-link', c.name);
    link.href = '/instructor/classes/' + encodeURIComponent(c.id);
    const count = el('span', 'ex-count', c.students + (c.students === 1 ? ' student' : ' students'));
    head.append(link, ' ', count);
    if (c.createdAt) {
      const created = el('time', null, ago(c.createdAt));
      created.dateTime = c.createdAt;
      created.title = c.createdAt;
      const when = el('span', 'muted', 'created ');
      when.append(created);
      head.append(' ', when);
    }
    const share = el('div', 'class-join');
    const url = el('code', 'join-url', c.joinUrl);
    const copy = el('button', 'copy-link', 'Copy join link');
    copy.type = 'button';
    share.append('Code ', el('strong', 'join-code', c.code), ' · ', url, ' ', copyOnClick(copy, url));
    item.append(head, share);
    return item;
  }

  async function loadClasses() {
    try {
      const data = await TuneLab.call('GET', '/api/instructor/classes');
      const classes = data.classes || [];
      list.replaceChildren(...classes.map(classItem));
      empty.hidden = classes.length > 0;
      if (data.instructor) classesSection.querySelector('.instructor-name').textContent = data.instructor;
      show(classesStatus, '');
    } catch (e) {
      show(classesStatus, 'Could not load your classes: ' + e.message, true);
    }
  }

  const createForm = classesSection.querySelector('.create-form');
  createForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = createForm.querySelector('input[name=className]');
    const name = input.value.trim();
    if (!name) { show(classesStatus, 'Give the class a name, such as ML 101.', true); input.focus(); return; }
    const button = createForm.querySelector('button.create-class');
    button.disabled = true;
    try {
      const made = await TuneLab.call('POST', '/api/instructor/classes', { name: name });
      input.value = '';
      await loadClasses();
      show(classesStatus, 'Created ' + made.name + '. Students join with the code ' + made.code + '.');
    } catch (e) {
      show(classesStatus, e.message, true);
    } finally {
      button.disabled = false;
    }
  });

  classesSection.querySelector('.signout').addEventListener('click', async () => {
    try {
      await TuneLab.call('POST', '/api/instructor/signout', {});
      location.href = '/instructor';
    } catch (e) {
      show(classesStatus, e.message, true);
    }
  });

  // ---- signing in ----

  const signinForm = document.querySelector('.signin-form');
  if (signinForm) {
    const status = document.querySelector('.signin-status');
    const result = document.querySelector('.signin-result');
    const link = result.querySelector('.instructor-link');
    copyOnClick(result.querySelector('.copy-link'), link);

    signinForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const key = signinForm.querySelector('input[name=key]').value;
      const nameInput = signinForm.querySelector('input[name=name]');
      const name = nameInput.value.trim();
      if (!name) { show(status, 'Type your name.', true); nameInput.focus(); return; }
      const button = signinForm.querySelector('button.signin');
      button.disabled = true;
      show(status, 'Signing in…');
      try {
        const signedIn = await TuneLab.call('POST', '/api/instructor/signin', { key: key, name: name });
        signinForm.hidden = true;
        classesSection.querySelector('.instructor-name').textContent = signedIn.name;
        classesSection.hidden = false;
        show(status, 'Signed in.');
        if (signedIn.signinLink) {
          link.textContent = signedIn.signinLink;
          result.hidden = false;
          result.focus();
        } else {
          classesSection.querySelector('#classes-title').focus();
        }
        await loadClasses();
      } catch (e) {
        show(status, e.message, true);
        button.disabled = false;
      }
    });
  } else {
    loadClasses();
  }
})();
