/**
 * Escaping for the webviews' HTML, pure so that it is unit-tested and shared by every page renderer.
 * Every character that could end a text node or a quoted attribute, start a tag or an entity, or
 * (for the backtick) close an unquoted template is written as a numeric character reference.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Serializes state for a `<script type="application/json">` block: `<`, `>`, `&` and the line
 * separators are escaped so that no string (a hostile `</script>` in a title) can end the block.
 */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
