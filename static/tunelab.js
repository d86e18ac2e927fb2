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

  return { el: el, call: call };
})();
