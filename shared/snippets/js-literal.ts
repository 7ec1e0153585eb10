/**
 * @module JavaScript source for values put into generated code. Whatever a string holds (quotes,
 * line breaks, `</script>`, U+2028), it stays one string literal: a hostile prompt cannot end the
 * string, nor the `<script>` element the code may be pasted into.
 */

/** A single-quoted literal; `<` escaped so no `</script>` or `<!--` appears in the source. */
export function jsString(text: string): string {
  // JSON escapes backslashes, double quotes and control characters; the rest is swapping quotes.
  const inner = JSON.stringify(text)
    .slice(1, -1)
    .replace(/\\"|\\\\|'/g, (match) => (match === '\\"' ? '"' : match === "'" ? "\\'" : match))
    .replace(/</g, '\\x3C')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `'${inner}'`;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A value as source: objects on one line with bare keys where they can be, an array of objects
 * one element a line (at `indent`), other arrays on one line.
 */
export function jsValue(value: unknown, indent = ''): string {
  if (typeof value === 'string') return jsString(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) {
    if (!value.some((item) => typeof item === 'object' && item !== null))
      return `[${value.map((item) => jsValue(item)).join(', ')}]`;
    const inner = `${indent}  `;
    return `[\n${value.map((item) => `${inner}${jsValue(item, inner)},\n`).join('')}${indent}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return '{}';
    const fields = entries.map(
      ([key, item]) => `${IDENTIFIER.test(key) ? key : jsString(key)}: ${jsValue(item, indent)}`,
    );
    return `{ ${fields.join(', ')} }`;
  }
  throw new TypeError(`No literal for a ${typeof value}`);
}
