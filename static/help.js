// The keyboard-shortcut overlay: '?' outside an editor, or the header's ? button.
(function () {
  'use strict';
  const dialog = document.querySelector('dialog.help');
  if (!dialog) return;
  const open = () => { if (!dialog.open) dialog.showModal(); };
  const button = document.querySelector('.help-button');
  if (button) button.addEventListener('click', open);
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    const typing = t.closest && (t.closest('.CodeMirror') || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    if (e.key === '?' && !typing) { e.preventDefault(); open(); }
  });
})();
