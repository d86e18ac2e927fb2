// The account page: who this browser studies as, its classes, new sign-in credentials, and the student's data.
(function () {
  'use strict';
  const el = TuneLab.el;
  const C = TuneLabClasses;
  const status = document.querySelector('.account-status');
  const say = (text, error) => C.show(status, text, error);
  const loaded = document.querySelector('.account-loaded');
  let account = null;

  function render(data) {
    account = data;
    const named = data.name !== null && data.name !== undefined;
    document.querySelector('.signed-in').hidden = !named;
    document.querySelector('.account-name').textContent = named ? data.name : '';
    document.querySelector('.anonymous').hidden = named;
    document.querySelector('.account-credentials').hidden = !named;

    const classes = data.classes || [];
    // Anonymous self-study has no classes; the line above already says how to join one.
    document.querySelector('.account-classes').hidden = !named && classes.length === 0;
    document.querySelector('.no-classes').hidden = classes.length > 0;
    const list = document.querySelector('.joined-classes');
    list.replaceChildren(...classes.map((c) => {
      const item = el('li');
      item.append(el('strong', 'class-name', c.name), ' · code ', el('code', 'join-code', c.code), ' · joined ',
        C.timeEl(c.joinedAt));
      return item;
    }));
    loaded.hidden = false;
  }

  async function load() {
    try {
      render(await TuneLab.call('GET', '/api/account'));
      say('');
    } catch (e) {
      say('Could not load your account: ' + e.message, true);
    }
  }

  const result = document.querySelector('.credentials-result');
  document.querySelector('.new-credentials').addEventListener('click', async (event) => {
    const button = event.currentTarget;
    if (!confirm('Make a new sign-in link and recovery code? Your old link and recovery code stop working at once, '
      + 'on every browser and device.')) return;
    button.disabled = true;
    say('Making new credentials…');
    try {
      const made = await TuneLab.call('POST', '/api/account/credentials', {});
      result.querySelector('.signin-link').textContent = made.signinLink;
      result.querySelector('.recovery-code').textContent = made.recoveryCode;
      result.hidden = false;
      result.focus();
      say('New sign-in link and recovery code made; the old ones no longer work.');
    } catch (e) {
      say(e.message, true);
    } finally {
      button.disabled = false;
    }
  });

  C.copyButton(result.querySelector('.copy-link'), result.querySelector('.signin-link'));

  document.querySelector('.delete-data').addEventListener('click', async (event) => {
    const button = event.currentTarget;
    const named = account && account.name !== null && account.name !== undefined;
    const what = named
      ? 'Delete your account? Everything this server keeps for you is deleted, you leave your classes, '
        + 'and your sign-in link and recovery code stop working.'
      : 'Delete your data? Everything this server keeps for this browser is deleted.';
    if (!confirm(what + ' This cannot be undone: download your data first to keep a copy.')) return;
    button.disabled = true;
    say('Deleting…');
    try {
      await TuneLab.call('DELETE', '/api/account');
      say('Deleted.');
      location.href = '/';
    } catch (e) {
      say(e.message, true);
      button.disabled = false;
    }
  });

  load();
})();
