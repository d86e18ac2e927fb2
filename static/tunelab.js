// Helpers shared by TuneLab's page scripts: building elements and calling the JSON API.
window.TuneLab = (function () {
  'use strict';

  /** A new element with a class and text (text is never parsed as HTML). */
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  /** The page's CSRF token, from the cookie the server set (see web/Csrf.java); '' if none yet. */
  function csrfToken() {
    const m = document.cookie.match(/(?:^|;\s*)tunelab_csrf=([^;]+)/);
    return m ? m[1] : '';
  }

  // Every state-changing request to our own server carries the token, including the page scripts' own
  // fetch calls (notebook.js streams runs with fetch), so no caller can forget it.
  const plainFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    const options = Object.assign({}, init);
    const method = (options.method || 'GET').toUpperCase();
    const url = new URL(typeof input === 'string' ? input : input.url, location.href);
    if (method !== 'GET' && method !== 'HEAD' && url.origin === location.origin) {
      options.headers = new Headers(options.headers || {});
      options.headers.set('X-TuneLab-CSRF', csrfToken());
    }
    return plainFetch(input, options);
  };

  /** Calls the JSON API; rejects with the server's own error message when it answers an error. */
  async function call(method, url, body) {
    const res = await fetch(url, {
      method: method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let data = null;
    try { data = await res.json(); } catch (e) { /* not JSON */ }
    if (!res.ok) throw new Error((data && data.error) || ('The server answered ' + res.status + '.'));
    return data;
  }

  return { el: el, call: call, csrfToken: csrfToken };
})();
