import { pickMedia } from './generic-reply.ts';
import { documentedResponse, fragmentToken, type Operation } from './openapi.ts';
import type { Problem } from './problem.ts';
import { normaliseName, propertiesAt } from './resource-schema.ts';
import { sampleFromSchema } from './sample.ts';
import type { SpecValidator } from './validate.ts';

const MESSAGE = new Set([
  'message',
  'detail',
  'details',
  'errormessage',
  'errordescription',
  'description',
  'msg',
  'reason',
]);
const CODE = new Set(['code', 'status', 'statuscode', 'httpstatus', 'errorcode']);
const FIELD = new Set(['pointer', 'field', 'path', 'param', 'parameter', 'location', 'source']);
/** Slack-style error codes (`{ ok: false, error: 'invalid_arguments' }`) for each status, most telling first. */
const ERROR_CODES: Record<number, string[]> = {
  400: ['invalid_arguments', 'invalid_arg_name', 'invalid_form_data', 'invalid_array_arg'],
  401: ['not_authed', 'invalid_auth'],
  403: ['missing_scope', 'not_allowed_token_type', 'access_denied'],
  404: ['not_found'],
  413: ['request_too_large', 'msg_too_long'],
  422: ['invalid_arguments', 'invalid_arg_name', 'invalid_form_data', 'invalid_array_arg'],
  429: ['rate_limited', 'ratelimited'],
};
const LIST = new Set(['errors', 'details', 'fielderrors', 'invalidparams', 'issues']);

/**
 * A sandbox refusal in the shape the operation documents for that status (`404`, `4XX` or `default`), for vendor
 * documents whose errors are not RFC 9457 (`{ code, message }`, Slack's `{ ok: false, error }`): a value generated
 * from that schema, with our detail, status and field pointers written into the members that mean them. Undefined
 * when the operation documents no JSON error body or already takes the problem as it is.
 */
export function documentedError(
  validator: SpecValidator,
  operation: Operation,
  problem: Problem,
): { mediaType: string; body: unknown } | undefined {
  const document = validator.document;
  const documented = documentedResponse(document, operation, problem.status);
  if (!documented) return undefined;
  const { pointer } = documented;
  const [mediaType, media] = pickMedia(documented.response?.content);
  if (!mediaType || !media?.schema || !/[/+]json$/.test(mediaType)) return undefined;
  const schemaPointer = `${pointer}/content/${fragmentToken(mediaType)}/schema`;
  if (mediaType === 'application/problem+json' || validator.validate(schemaPointer, problem).length === 0)
    return undefined;
  const valid = (value: unknown) => validator.validate(schemaPointer, value).length === 0;
  const sample = sampleFromSchema(document, media.schema, { validator, pointer: schemaPointer });
  if (!sample || typeof sample !== 'object' || Array.isArray(sample)) return { mediaType, body: sample };
  const body = sample as Record<string, unknown>;
  fill(validator, schemaPointer, body, problem, body, valid, 0);
  // A shape with no member for the field at fault (Discord's free-form `errors: {}`, Slack's `{ ok, error }`) still
  // names it where the schema lets the body carry more: our `errors` list beside the vendor's members.
  const first = problem.errors?.[0];
  if (first && !JSON.stringify(body).includes(JSON.stringify(first.pointer).slice(1, -1)) && !('errors' in body)) {
    body.errors = problem.errors;
    if (!valid(body)) delete body.errors;
  }
  return { mediaType, body: valid(body) ? body : sample };
}

/** Write the problem's members into `target` (the body or an object inside it), keeping each change that stays valid. */
function fill(
  validator: SpecValidator,
  pointer: string,
  target: Record<string, unknown>,
  problem: Problem,
  root: unknown,
  valid: (value: unknown) => boolean,
  depth: number,
) {
  const document = validator.document;
  const properties = propertiesAt(document, pointer);
  const attempt = (name: string, value: unknown) => {
    const before = target[name];
    const had = name in target;
    target[name] = value;
    if (valid(root)) return true;
    if (had) target[name] = before;
    else delete target[name];
    return false;
  };
  // The message names the fields at fault too: many vendor shapes have nowhere else to put them (`{ code, message }`).
  const message = problem.errors?.length
    ? `${problem.detail ?? problem.title} ${problem.errors.map((error) => `${error.pointer} ${error.detail}.`).join(' ')}`
    : problem.detail;
  for (const [name, where] of properties) {
    const normal = normaliseName(name);
    const current = target[name];
    if (MESSAGE.has(normal) && (typeof current === 'string' || current === undefined)) attempt(name, message);
    else if (CODE.has(normal)) attempt(name, typeof current === 'string' ? String(problem.status) : problem.status);
    else if (normal === 'title' && typeof current === 'string') attempt(name, problem.title);
    else if (normal === 'ok') attempt(name, false);
    else if (FIELD.has(normal) && problem.errors?.[0] && (typeof current === 'string' || current === undefined))
      attempt(name, problem.errors[0].pointer);
    else if (normal === 'error' && typeof current === 'string')
      [...(ERROR_CODES[problem.status] ?? []), problem.title.toLowerCase().replace(/\s+/g, '_')].some((code) =>
        attempt(name, code),
      );
    else if (current && typeof current === 'object' && !Array.isArray(current) && depth < 2)
      fill(validator, where, current as Record<string, unknown>, problem, root, valid, depth + 1);
    else if (LIST.has(normal) && Array.isArray(current) && problem.errors?.length) {
      const template = current[0];
      const items = problem.errors.map((error) => {
        if (!template || typeof template !== 'object') return error.detail;
        const item: Record<string, unknown> = { ...(template as Record<string, unknown>) };
        for (const field of Object.keys(item)) {
          const itemName = normaliseName(field);
          if (FIELD.has(itemName) && typeof item[field] === 'string') item[field] = error.pointer;
          else if (MESSAGE.has(itemName) && typeof item[field] === 'string') item[field] = error.detail;
        }
        return item;
      });
      attempt(name, items);
    }
  }
}
