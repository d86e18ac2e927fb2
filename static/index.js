// The course index: importing a progress file.
(function () {
  'use strict';
  const input = document.querySelector('.import-progress');
  if (!input) return;
  const status = document.querySelector('.import-status');
  // The server's CSRF check (web/Csrf.java) wants the cookie's token in a header.
  const csrfToken = () => (document.cookie.match(/(?:^|;\s*)tunelab_csrf=([^;]+)/) || [])[1] || '';
  input.addEventListener('change', async () => {
    const file = input.files[0];
    if (!file) return;
    status.textContent = 'Importing…';
    try {
      const res = await fetch('/api/progress/import', {
        method: 'POST', body: await file.text(),
        headers: { 'Content-Type': 'application/json', 'X-TuneLab-CSRF': csrfToken() },
      });
      const data = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(data.error || ('The server answered ' + res.status));
      status.textContent = 'Imported.';
      location.reload();
    } catch (e) { status.textContent = e.message; }
  });
})();
