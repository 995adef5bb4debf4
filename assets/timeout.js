// The session time-out warning (WCAG 2.2.1): a few minutes before the session ends, a modal dialog
// says so and lets the user keep their answers. Its words are in the page (from the locale files);
// this only shows it. Without JavaScript the dialog never opens and the session-expired page explains.
const dialog = document.getElementById('cf-timeout');

if (dialog && typeof dialog.showModal === 'function') {
  const warnAfter = Number(dialog.dataset.warnAfter) * 1000;
  const expireAfter = Number(dialog.dataset.expireAfter) * 1000;
  const keepButton = dialog.querySelector('[data-module="cf-keep-alive"]');
  const token = document.querySelector('input[name="_csrf"]');
  let warnTimer;
  let expireTimer;
  let lastFocus;

  const schedule = () => {
    clearTimeout(warnTimer);
    clearTimeout(expireTimer);
    warnTimer = setTimeout(() => {
      lastFocus = document.activeElement;
      dialog.showModal();
      keepButton.focus();
    }, warnAfter);
    expireTimer = setTimeout(() => {
      window.location.href = dialog.dataset.expiredHref;
    }, expireAfter);
  };

  keepButton.addEventListener('click', async () => {
    const body = new URLSearchParams({ _csrf: token ? token.value : '' });
    const response = await fetch(dialog.dataset.keepAliveHref, {
      method: 'POST',
      body,
      credentials: 'same-origin',
    });
    if (!response.ok) {
      window.location.href = dialog.dataset.expiredHref;
      return;
    }
    dialog.close();
    if (lastFocus && typeof lastFocus.focus === 'function') lastFocus.focus();
    schedule();
  });

  // Escape closes a modal dialog; treat it as "keep my answers" so the user is never stranded.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    keepButton.click();
  });

  schedule();
}
