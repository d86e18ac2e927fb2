// The instructor page: sign in with the server's instructor key, then list, share and create classes.
(function () {
  'use strict';
  const el = TuneLab.el;
  const classesSection = document.querySelector('.instructor-classes');
  if (!classesSection) return; // instructor access is off: the page only explains how to turn it on

  const C = TuneLabClasses;
  const show = C.show;

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
      const when = el('span', 'muted', 'created ');
      when.append(C.timeEl(c.createdAt));
      head.append(' ', when);
    }
    const share = el('div', 'class-join');
    const url = el('code', 'join-url', c.joinUrl);
    const copy = el('button', 'copy-link', 'Copy join link');
    copy.type = 'button';
    share.append('Code ', el('strong', 'join-code', c.code), ' · ', url, ' ', C.copyButton(copy, url));
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
    C.copyButton(result.querySelector('.copy-link'), link);

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
