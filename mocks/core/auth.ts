import type { Principal } from './define-api.ts';
import type { OpenApiDocument, Operation, SecuritySchemeObject } from './openapi.ts';
import { ProblemError } from './problem.ts';
import type { SharedState } from './state.ts';

export const SANDBOX_KEY = /^sk_test_[A-Za-z0-9_]{8,}$/;

/** Requests to operations without security still need a state to run in; they share this one. */
export const PUBLIC_KEY = 'public';

/**
 * Decide who is calling, following the spec's security requirements: any one requirement object that is fully met
 * is enough (OpenAPI's OR-of-ANDs). Sandbox keys are accepted for every HTTP and API-key scheme; OAuth schemes also
 * accept tokens the API issued. A missing or unknown credential is a 401; a token without a needed scope, a 403.
 */
export function authenticate(
  document: OpenApiDocument,
  operation: Operation,
  request: Request,
  shared: SharedState,
  now: Date,
): Principal {
  const requirements = operation.operation.security ?? document.security ?? [];
  const bearer = bearerToken(request.headers);
  if (requirements.length === 0 || requirements.some((requirement) => Object.keys(requirement).length === 0)) {
    return { sandboxKey: bearer && SANDBOX_KEY.test(bearer) ? bearer : PUBLIC_KEY };
  }
  const schemes = document.components?.securitySchemes ?? {};
  let missingScope: string[] | undefined;
  for (const requirement of requirements) {
    let principal: Principal | undefined;
    for (const [name, scopes] of Object.entries(requirement)) {
      const scheme = schemes[name];
      const credential = scheme ? credentialFor(scheme, request) : undefined;
      const found = credential ? identify(scheme!, credential, shared, now) : undefined;
      if (!found) {
        principal = undefined;
        break;
      }
      // Some vendor specs write `{ "oauth2": null }` for "no particular scope".
      const lacking = (Array.isArray(scopes) ? scopes : []).filter(
        (scope) => found.scopes && !found.scopes.includes(scope),
      );
      if (lacking.length > 0) {
        missingScope = lacking;
        principal = undefined;
        break;
      }
      principal = found;
    }
    if (principal) return principal;
  }
  if (missingScope) {
    throw new ProblemError(
      403,
      `This token was not granted the scope ${missingScope.join(' and ')}, which this operation needs.`,
      {
        required_scopes: missingScope,
        headers: { 'www-authenticate': `Bearer error="insufficient_scope", scope="${missingScope.join(' ')}"` },
      },
    );
  }
  throw new ProblemError(
    401,
    bearer
      ? 'This credential is not valid here. Sandbox keys look like sk_test_ followed by at least 8 letters, digits or underscores.'
      : 'Send a sandbox key in the Authorization header: "Authorization: Bearer sk_test_…". Any key of that form works.',
    {
      // RFC 6750 §3.1: a request with no credential at all gets the scheme and no error code.
      headers: {
        'www-authenticate': bearer ? 'Bearer realm="sandbox", error="invalid_token"' : 'Bearer realm="sandbox"',
      },
    },
  );
}

function identify(
  scheme: SecuritySchemeObject,
  credential: string,
  shared: SharedState,
  now: Date,
): Principal | undefined {
  if (scheme.type === 'oauth2' || scheme.type === 'openIdConnect') {
    const token = shared.tokens[credential];
    if (token && new Date(token.expires_at) > now) return { sandboxKey: token.sandboxKey, scopes: token.scopes };
  }
  return SANDBOX_KEY.test(credential) ? { sandboxKey: credential } : undefined;
}

function credentialFor(scheme: SecuritySchemeObject, request: Request): string | undefined {
  if (scheme.type === 'apiKey' && scheme.name) {
    if (scheme.in === 'header') return stripScheme(request.headers.get(scheme.name) ?? undefined);
    if (scheme.in === 'query') return new URL(request.url).searchParams.get(scheme.name) ?? undefined;
    if (scheme.in === 'cookie') {
      const cookie = request.headers.get('cookie') ?? '';
      return new RegExp(`(?:^|;\\s*)${scheme.name}=([^;]+)`).exec(cookie)?.[1];
    }
  }
  if (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'basic') {
    const encoded = /^Basic\s+(.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
    // Basic auth carries the key as the user name, as Stripe and Twilio accept it.
    return encoded ? safeAtob(encoded)?.split(':')[0] : undefined;
  }
  return bearerToken(request.headers);
}

export function bearerToken(headers: Headers): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(headers.get('authorization') ?? '')?.[1];
}

/** Some vendor specs put "Bot <token>" or "Bearer <token>" in an API-key header; the key is the last word. */
const stripScheme = (value: string | undefined) => value?.trim().split(/\s+/).pop();

function safeAtob(text: string): string | undefined {
  try {
    return atob(text);
  } catch {
    return undefined;
  }
}
