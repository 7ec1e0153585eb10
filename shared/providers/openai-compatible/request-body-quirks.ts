/**
 * @module Small body rewrites that presets compose into their `transformRequestBody`: each takes
 * the outgoing OpenAI body and returns a new one, leaving the caller's request untouched.
 */
import { errorWithCode } from '../../openai/error';

type Body = Record<string, unknown>;

function without(body: Body, key: string): Body {
  const copy = { ...body };
  delete copy[key];
  return copy;
}

const isSet = (value: unknown) => value !== undefined && value !== null;
const hasTokenCap = (body: Body) => isSet(body.max_tokens) || isSet(body.max_completion_tokens);

/** Sets `field` to `value` when the caller gave no output-token cap at all. */
export function defaultTokenCap(field: 'max_tokens' | 'max_completion_tokens', value: number) {
  return (body: Body): Body => (hasTokenCap(body) ? body : { ...body, [field]: value });
}

/** Moves the caller's cap to the field the provider reads, so exactly one of the two is sent. */
export function tokenCapAs(field: 'max_tokens' | 'max_completion_tokens') {
  const other = field === 'max_tokens' ? 'max_completion_tokens' : 'max_tokens';
  return (body: Body): Body => {
    if (!isSet(body[other])) return body;
    return { ...without(body, other), [field]: body[field] ?? body[other] };
  };
}

/** Renames a top-level field (Mistral: `seed` → `random_seed`). */
export function renameField(from: string, to: string) {
  return (body: Body): Body => {
    if (!(from in body)) return body;
    return !isSet(body[from]) ? without(body, from) : { ...without(body, from), [to]: body[from] };
  };
}

/** Drops `name` from every message (Groq answers 400 to it). */
export function dropMessageNames(body: Body): Body {
  if (!Array.isArray(body.messages)) return body;
  return { ...body, messages: body.messages.map((message: Body) => without(message, 'name')) };
}

/** Refuses `n` > 1 for providers that return one choice only, and drops a redundant `n: 1`. */
export function singleChoice(providerName: string) {
  return (body: Body): Body => {
    if (!isSet(body.n) || body.n === 1) return without(body, 'n');
    throw errorWithCode(
      'unsupported_parameter',
      `${providerName} returns one choice per request: n must be 1.`,
      {
        param: 'n',
      },
    );
  };
}

/** Sends `parallel_tool_calls: false` whenever tools are offered (models that take one call at a time). */
export function serialToolCalls(body: Body): Body {
  return Array.isArray(body.tools) && body.tools.length > 0 ? { ...body, parallel_tool_calls: false } : body;
}

/** Keeps `temperature` inside what the provider accepts. */
export function clampTemperature(min: number, max: number) {
  return (body: Body): Body =>
    typeof body.temperature === 'number'
      ? { ...body, temperature: Math.min(max, Math.max(min, body.temperature)) }
      : body;
}

/** Applies rewrites left to right. */
export function pipeline(...steps: ((body: Body) => Body)[]) {
  return (body: Body): Body => steps.reduce((current, step) => step(current), body);
}
