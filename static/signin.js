// A sign-in link's page: the link only shows whose it is; the button signs in (a POST, so that another site
// cannot sign a browser in to someone else's account by sending it to a link).
(function () {
  'use strict';
  const main = document.querySelector('.signin-page');
  if (!main) return;
  const button = main.querySelector('.signin-confirm');
  const status = main.querySelector('.signin-status');
  const instructor = main.dataset.kind === 'instructor';
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = 'Signing in…';
    try {
      await TuneLab.call('POST', instructor ? '/api/instructor/signin/link' : '/api/signin', { token: main.dataset.token });
      location.href = instructor ? '/instructor' : '/?signedIn=1';
    } catch (e) {
      status.textContent = e.message;
      button.disabled = false;
    }
  });
  button.focus();
})();
