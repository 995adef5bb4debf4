/** Text made safe inside HTML, as nunjucks' autoescape would make it. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
