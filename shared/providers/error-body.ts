/**
 * @module Error bodies as providers really send them: usually JSON, but a proxy or CDN in front
 * may answer with an HTML page, and some failures come with no body at all. The classifiers read
 * the JSON when there is some and describe the rest, the same way for every provider.
 */

/** The body as JSON, or `undefined` when it is not JSON (HTML, empty, cut short). */
export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A short, key-free description of a body that carries no error message of its own. */
export function describeNonJsonBody(text: string): string {
  if (/<html|<!doctype/i.test(text)) return 'an HTML page instead of JSON (a proxy or CDN error)';
  const trimmed = text.trim();
  return trimmed === '' ? 'an empty body' : trimmed.slice(0, 200);
}
