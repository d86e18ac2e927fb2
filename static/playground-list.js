// The playground's list of notebooks: make one, import a lesson file as one, delete one.
(function () {
  'use strict';
  const status = document.querySelector('.playground-status');
  const say = (text) => { if (status) status.textContent = text; };

  document.querySelectorAll('time[datetime]').forEach((t) => {
    const when = new Date(t.getAttribute('datetime'));
    if (!isNaN(when)) t.textContent = when.toLocaleString();
  });

  document.querySelector('.new-notebook').addEventListener('click', async () => {
    try {
      const made = await TuneLab.call('POST', '/api/notebooks', {});
      location.href = '/playground/' + encodeURIComponent(made.id);
    } catch (e) { say(e.message); }
  });

  document.querySelector('.import-lesson').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    say('Importing ' + file.name + '…');
    try {
      const made = await TuneLab.call('POST', '/api/notebooks/import', { markdown: await file.text() });
      location.href = '/playground/' + encodeURIComponent(made.id);
    } catch (e) {
      say(file.name + ': ' + e.message);
      event.target.value = '';
    }
  });

  document.querySelectorAll('.delete-notebook').forEach((button) => {
    button.addEventListener('click', async () => {
      const item = button.closest('li');
      if (!confirm('Delete "' + button.dataset.title + '"? Its cells cannot be brought back.')) return;
      try {
        await TuneLab.call('DELETE', '/api/notebooks/' + encodeURIComponent(item.dataset.id));
        item.remove();
        say('Deleted "' + button.dataset.title + '".');
      } catch (e) { say(e.message); }
    });
  });
})();
