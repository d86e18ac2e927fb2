// The join page: join a class with its code, or sign in again on this browser with a recovery code.
(function () {
  'use strict';
  const C = TuneLabClasses;
  const status = document.querySelector('.join-status');
  const say = (text, error) => C.show(status, text, error);
  const joinForm = document.querySelector('.join-form');
  const recoverForm = document.querySelector('.recover-form');
  const result = document.querySelector('.join-result');

  // Codes are shown in capitals; a student may type them in lower case or with spaces.
  const normalise = (text) => text.replace(/\s+/g, '').toUpperCase();

  function showResult(joined) {
    const className = joined.class ? joined.class.name : 'the class';
    result.querySelector('.join-result-title').textContent =
      (joined.alreadyMember ? 'You were already in ' : 'You are in ') + className;
    const fresh = !!(joined.signinLink && joined.recoveryCode);
    result.querySelector('.credentials').hidden = !fresh;
    result.querySelector('.unchanged').hidden = fresh;
    result.querySelector('.signin-link').textContent = fresh ? joined.signinLink : '';
    result.querySelector('.recovery-code').textContent = fresh ? joined.recoveryCode : '';
    result.hidden = false;
    result.focus();
    say((joined.alreadyMember ? 'You were already in ' : 'You joined ') + className + ' as ' + joined.name + '.');
  }

  C.copyButton(result.querySelector('.copy-link'), result.querySelector('.signin-link'));

  joinForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const codeInput = joinForm.querySelector('input[name=code]');
    const nameInput = joinForm.querySelector('input[name=name]');
    const code = normalise(codeInput.value);
    const name = nameInput.value.trim();
    if (!code) { say('Type the class code your instructor gave you.', true); codeInput.focus(); return; }
    if (!name) { say('Type your name, as your instructor will see it.', true); nameInput.focus(); return; }
    const button = joinForm.querySelector('button.join');
    button.disabled = true;
    say('Joining…');
    try {
      showResult(await TuneLab.call('POST', '/api/classes/join', { code: code, name: name }));
    } catch (e) {
      say(e.message, true);
    } finally {
      button.disabled = false;
    }
  });

  recoverForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = recoverForm.querySelector('input[name=recoveryCode]');
    const recoveryCode = input.value.trim().toUpperCase();
    if (!recoveryCode) { say('Type the recovery code you wrote down when you joined.', true); input.focus(); return; }
    const button = recoverForm.querySelector('button.recover');
    button.disabled = true;
    say('Signing in…');
    try {
      const signedIn = await TuneLab.call('POST', '/api/signin', { recoveryCode: recoveryCode });
      say('Signed in as ' + signedIn.name + '. Opening the lessons…');
      location.href = '/';
    } catch (e) {
      say(e.message, true);
      button.disabled = false;
    }
  });

  // Arrived by a class's join link: the code is filled in, so the name is what is left to type.
  const codeInput = joinForm.querySelector('input[name=code]');
  if (codeInput.value) joinForm.querySelector('input[name=name]').focus();
})();
