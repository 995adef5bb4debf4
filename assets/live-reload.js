/* global EventSource */
// Development only (docs/publishing.md): loads the page again when the forms folder changes.
// Served only when the folder is watched; the event stream is never there in production.
const changes = new EventSource('/__civic-forms/reload');
changes.addEventListener('forms-changed', () => {
  changes.close();
  // A GET of the same address: a page shown after a post is not posted again.
  window.location.replace(window.location.href);
});
