/* global DOMParser, FormData, URL, initAll */
// Files added and removed without leaving the page. On a file question's page, "Upload file" and each
// "Remove" send the same multipart form (its CSRF field, the photos scale-photos.js scaled) with
// fetch, and the page's <main> is replaced by what the service answers: the same page again, with the
// file listed or with the error. So every word, check and rule stays on the server, as without
// JavaScript. Focus then goes to the error summary (govuk-frontend's ErrorSummary moves it) or back to
// the file input, and a live region says which files were added or removed. Any other answer (another
// page, a refusal) is shown as the browser would have shown it; a failed fetch sends the form itself.
// Listens on the document after scale-photos.js, which holds a submit while it scales a photo.
const FILE_INPUT = 'input[type="file"][data-uploaded-message]';

/** The files a page lists: each Remove button's file id, with the file's name. */
const listed = (root) =>
  new Map(
    [...root.querySelectorAll('.cf-uploaded-files .govuk-summary-list__row')].map((row) => [
      row.querySelector('button[name="remove"]')?.value,
      row.querySelector('dt')?.textContent.trim(),
    ]),
  );

const isOurs = (submitter) =>
  submitter?.matches('button[name="action"][value="upload"], button[name="remove"]');

const main = document.querySelector('main');
const status = document.createElement('div');
status.className = 'govuk-visually-hidden';
status.setAttribute('role', 'status');
if (main?.querySelector(FILE_INPUT) && typeof fetch === 'function') main.append(status);

const say = (template, names) =>
  names.map((name) => (template ?? '').replace('{name}', name)).join(' ');

/** Puts the service's page in place of this one's main content; false when it is not that page. */
const showPage = (html, form) => {
  const next = new DOMParser().parseFromString(html, 'text/html');
  const nextMain = next.querySelector('main');
  const nextForm = nextMain?.querySelector(FILE_INPUT)?.form;
  if (!nextForm || nextForm.getAttribute('action') !== form.getAttribute('action')) return false;
  // Fields scripts added to the form (javascript-ran.js's marker) stay on it.
  for (const hidden of form.querySelectorAll('input[type="hidden"][name]')) {
    if (!nextForm.querySelector(`[name="${hidden.name}"]`)) nextForm.append(hidden);
  }
  const before = listed(main);
  document.title = next.title;
  for (const child of [...main.childNodes]) if (child !== status) child.remove();
  status.before(...nextMain.childNodes);
  initAll({ scope: main });
  if (main.querySelector('.govuk-error-summary')) {
    status.textContent = '';
    return true;
  }
  const after = listed(main);
  const input = main.querySelector(FILE_INPUT);
  const added = [...after].filter(([id]) => !before.has(id)).map(([, name]) => name);
  const removed = [...before].filter(([id]) => !after.has(id)).map(([, name]) => name);
  status.textContent = [
    say(input.dataset.uploadedMessage, added),
    say(input.dataset.removedMessage, removed),
  ]
    .filter(Boolean)
    .join(' ');
  input.focus();
  return true;
};

if (status.isConnected) {
  let busy = false;
  let native = false;
  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (native || event.defaultPrevented || !main.contains(form)) return;
    if (!form.querySelector(FILE_INPUT)) return;
    // One send at a time: a second press, or Continue while a file is on its way, waits for it.
    if (busy) return event.preventDefault();
    const { submitter } = event;
    if (!isOurs(submitter)) return;
    event.preventDefault();
    busy = true;
    // Not form.action: the page's buttons named "action" stand in for that property.
    const action = new URL(form.getAttribute('action') ?? '', document.baseURI);
    const body = new FormData(form);
    body.append(submitter.name, submitter.value);
    const input = form.querySelector(FILE_INPUT);
    if (input.files.length > 0) status.textContent = input.dataset.uploadingMessage ?? '';
    // Said to be unavailable while it sends, keeping focus (a disabled button would drop it).
    submitter.setAttribute('aria-disabled', 'true');
    let response;
    let html;
    try {
      response = await fetch(action, { method: 'POST', body, credentials: 'same-origin' });
      html = await response.text();
    } catch {
      // No answer (the network went): the browser sends the form as it would without JavaScript.
      busy = false;
      native = true;
      submitter.removeAttribute('aria-disabled');
      return form.requestSubmit(submitter);
    }
    busy = false;
    const samePage = new URL(response.url).pathname === action.pathname;
    if ((response.status === 200 || response.status === 400) && samePage && showPage(html, form)) {
      return;
    }
    if (response.redirected && !samePage) return window.location.assign(response.url);
    // A refusal (an expired session, a body too large): the service's page, as the browser shows it.
    const next = new DOMParser().parseFromString(html, 'text/html');
    document.replaceChild(document.adoptNode(next.documentElement), document.documentElement);
  });
}
