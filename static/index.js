// The course index: importing a progress file.
(function () {
  'use strict';
  const input = document.querySelector('.import-progress');
  if (!input) return;
  const status = document.querySelector('.import-status');
  input.addEventListener('change', async () => {
    const file = input.files[0];
    if (!file) return;
    status.textContent = 'Importing…';
    try {
      const res = await fetch('/api/progress/import', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: await file.text(),
      });
      const data = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(data.error || ('The server answered ' + res.status));
      status.textContent = 'Imported.';
      location.reload();
    } catch (e) { status.textContent = e.message; }
  });
})();
