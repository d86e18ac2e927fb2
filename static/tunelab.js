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

  /**
   * POSTs body as JSON to url + '?stream=true' and reads the NDJSON answer (runs and checks, docs/API.md): calls
   * onEvent with each event as it arrives; resolves with the last one, {"event": "result", ...}.
   */
  async function stream(url, body, onEvent) {
    const res = await fetch(url + '?stream=true', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    if (!res.ok) {
      let data = null;
      try { data = await res.json(); } catch (e) { /* not JSON */ }
      throw new Error((data && data.error) || ('The server answered ' + res.status + '.'));
    }
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let result = null;
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (!line.trim()) continue;
        const event = JSON.parse(line);
        if (event.event === 'result') result = event;
        onEvent(event);
      }
    }
    if (!result) throw new Error('The answer ended without a result: the connection to the server was cut.');
    return result;
  }

  /**
   * What a waiting run or check is told ('queued' and 'starting' events), in words; null for other events.
   * `passed`: quicker runs have been let ahead of it (its place grew), which the words then say.
   */
  function waitingText(event, passed) {
    if (event.event === 'starting') return 'Starting a Java VM for it…';
    if (event.event === 'queued') {
      return 'Waiting for the server: ' + (event.position === 1 ? 'next' : 'number ' + event.position) + ' in line'
        + (passed ? ' (quicker runs go first)' : '') + '…';
    }
    return null;
  }

  return { el: el, call: call, csrfToken: csrfToken, stream: stream, waitingText: waitingText };
})();
