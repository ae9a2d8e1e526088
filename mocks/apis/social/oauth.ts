import type { TypedHandler } from '../../core/define-api.ts';
import { ProblemError } from '../../core/problem.ts';
import type { SharedState } from '../../core/state.ts';
import type { FieldError } from '../../core/validate.ts';
import type { components, operations } from '../../generated/types/social.ts';
import type { SocialData } from './seed.ts';

type OAuthError = components['schemas']['OAuthProblem']['error'];

const CODE_LIFETIME_MS = 10 * 60 * 1000;
const ACCESS_TOKEN_SECONDS = 3600;
const SCOPES = ['profile:read', 'posts:read', 'posts:write', 'likes:write', 'followers:read', 'follows:write'];

/** An authorization code, bound to everything the token request must repeat. */
interface CodeGrant {
  client_id: string;
  redirect_uri: string;
  scopes: string[];
  /** `null` for the documented code only; see `oauthState`. */
  expires_at: string | null;
  /** Kept after use until it expires, so that a second exchange says "already used" rather than "unknown". */
  used: boolean;
}

interface RefreshGrant {
  client_id: string;
  scopes: string[];
  /** The secret key the tokens act for; `null` for the documented token, which any key may redeem once. */
  sandboxKey: string | null;
  used: boolean;
}

/*
 * Codes and refresh tokens arrive before any sandbox key is known (the authorize step has no credential, and the
 * token request names the key only as `client_secret`), so they live in the API's shared state, like the access
 * tokens the core resolves. The spec's examples use `sac_Q3r8Lm2Vx9Tb` and `srt_Hn4Wc8Zp1Ye6Ks3J`; both exist from the
 * start so that the documented token requests work in a fresh sandbox. The documented code does not expire: a reader
 * may try it long after the sandbox was created. It is still single-use.
 */
function oauthState(shared: SharedState) {
  shared['codes'] ??= {
    sac_Q3r8Lm2Vx9Tb: {
      client_id: 'app_demo0001',
      redirect_uri: 'https://app.example.com/oauth/callback',
      scopes: ['profile:read', 'posts:read', 'posts:write'],
      expires_at: null,
      used: false,
    },
  } satisfies Record<string, CodeGrant>;
  shared['refreshTokens'] ??= {
    srt_Hn4Wc8Zp1Ye6Ks3J: {
      client_id: 'app_demo0001',
      scopes: ['profile:read', 'posts:read', 'posts:write'],
      sandboxKey: null,
      used: false,
    },
  } satisfies Record<string, RefreshGrant>;
  return {
    codes: shared['codes'] as Record<string, CodeGrant>,
    refreshTokens: shared['refreshTokens'] as Record<string, RefreshGrant>,
  };
}

/** A refusal with the RFC 6749 `error` code; token answers must never be cached, refusals included. */
function oauthProblem(status: number, error: OAuthError, detail: string, errors: FieldError[] = [], extra = {}) {
  return new ProblemError(status, detail, {
    ...extra,
    error,
    ...(errors.length > 0 ? { errors } : {}),
  });
}

const invalidGrant = (detail: string, pointer?: string, why?: string) =>
  oauthProblem(400, 'invalid_grant', detail, pointer && why ? [{ pointer, detail: why }] : [], {
    headers: { 'cache-control': 'no-store' },
  });

export const authorize: TypedHandler<operations['authorize'], SocialData> = ({ input, shared, id, now }) => {
  const { client_id, redirect_uri, scope, state } = input.query;
  const target = URL.parse(redirect_uri);
  if (!target) {
    throw oauthProblem(400, 'invalid_request', 'redirect_uri must be an absolute URL.', [
      { pointer: '/query/redirect_uri', detail: 'must be an absolute URL' },
    ]);
  }
  if (target.hash) {
    throw oauthProblem(400, 'invalid_request', 'redirect_uri must not contain a fragment: the code is added to it.', [
      { pointer: '/query/redirect_uri', detail: 'must not contain a fragment (#…)' },
    ]);
  }
  const { codes } = oauthState(shared);
  // Expired codes can never be redeemed; forgetting them keeps the browser's stored state small.
  for (const [code, grant] of Object.entries(codes)) {
    if (grant.expires_at && Date.parse(grant.expires_at) <= now().getTime()) delete codes[code];
  }
  const scopes = [...new Set(scope.split(' '))];
  const code = id('sac_');
  codes[code] = {
    client_id,
    redirect_uri,
    scopes,
    expires_at: new Date(now().getTime() + CODE_LIFETIME_MS).toISOString(),
    used: false,
  };
  target.searchParams.append('code', code);
  target.searchParams.append('state', state);
  return { status: 200, body: { code, state, scope: scopes.join(' '), redirect_to: target.toString() } };
};

export const exchangeToken: TypedHandler<operations['exchangeToken'], SocialData> = ({
  input,
  shared,
  id,
  now,
  issueToken,
}) => {
  const grant = input.body;
  const { codes, refreshTokens } = oauthState(shared);
  let scopes: string[];
  if (grant.grant_type === 'authorization_code') {
    const code = codes[grant.code];
    if (!code) {
      throw invalidGrant(
        `The authorization code ${grant.code} is not one this sandbox issued. Start the flow again.`,
        '/body/code',
        'is not a code from the authorize step',
      );
    }
    if (code.used) throw invalidGrant(`The authorization code ${grant.code} was already used. Start the flow again.`);
    if (code.expires_at && Date.parse(code.expires_at) <= now().getTime()) {
      throw invalidGrant(
        `The authorization code ${grant.code} expired at ${code.expires_at}; codes last 10 minutes. Start the flow again.`,
        '/body/code',
        'has expired',
      );
    }
    if (code.client_id !== grant.client_id) {
      throw invalidGrant(
        `The authorization code ${grant.code} was issued to another client_id.`,
        '/body/client_id',
        'does not match the client_id of the authorize step',
      );
    }
    if (code.redirect_uri !== grant.redirect_uri) {
      throw invalidGrant(
        'redirect_uri must be exactly the value sent to /oauth/authorize.',
        '/body/redirect_uri',
        'does not match the redirect_uri of the authorize step',
      );
    }
    code.used = true;
    scopes = code.scopes;
  } else {
    const refresh = refreshTokens[grant.refresh_token];
    if (!refresh) {
      throw invalidGrant(
        `The refresh token ${grant.refresh_token} is not one this sandbox issued.`,
        '/body/refresh_token',
        'is not a refresh token from this sandbox',
      );
    }
    if (refresh.used) {
      throw invalidGrant(
        `The refresh token ${grant.refresh_token} was already exchanged. Use the newest refresh token you received.`,
      );
    }
    if (refresh.client_id !== grant.client_id) {
      throw invalidGrant(
        `The refresh token ${grant.refresh_token} was issued to another client_id.`,
        '/body/client_id',
        'does not match the client_id the refresh token was issued to',
      );
    }
    if (refresh.sandboxKey !== null && refresh.sandboxKey !== grant.client_secret) {
      throw invalidGrant(
        `The refresh token ${grant.refresh_token} was issued to another secret key.`,
        '/body/client_secret',
        'is not the secret key the refresh token was issued to',
      );
    }
    // Rotation: the old refresh token stops working, so a stolen copy is useless once the app has refreshed.
    refresh.used = true;
    scopes = refresh.scopes;
  }

  const accessToken = id('sat_');
  const refreshToken = id('srt_');
  // The token acts for the app's secret key: its requests use, and count against, that key's sandbox.
  issueToken(accessToken, scopes, ACCESS_TOKEN_SECONDS, grant.client_secret);
  refreshTokens[refreshToken] = { client_id: grant.client_id, scopes, sandboxKey: grant.client_secret, used: false };
  return {
    status: 200,
    headers: { 'cache-control': 'no-store' },
    body: {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: ACCESS_TOKEN_SECONDS,
      refresh_token: refreshToken,
      scope: scopes.join(' '),
    },
  };
};

/**
 * RFC 6749 clients read the `error` member of every refusal from the OAuth endpoints, including the ones the core
 * makes while validating the request, so those get one too. The token endpoint declares no 422: a body that breaks
 * the schema is an OAuth `invalid_request`, a 400.
 */
export function refineOAuthProblem(operationId: string, problem: ProblemError): ProblemError {
  if (operationId !== 'authorize' && operationId !== 'exchangeToken') return problem;
  if (problem.extra['error'] !== undefined || problem.status === 429) return problem;
  const errors = problem.extra.errors ?? [];
  const malformed = (pointer: string) => errors.some((e) => e.pointer === pointer && e.detail !== 'is required');

  if (operationId === 'authorize') {
    if (malformed('/query/response_type')) {
      return oauthProblem(
        400,
        'unsupported_response_type',
        'The sandbox supports only response_type=code, the authorization code flow.',
        errors,
      );
    }
    if (malformed('/query/scope')) {
      // The core does not pass the request here, so the detail cannot quote the scope that was not recognised.
      return oauthProblem(
        400,
        'invalid_scope',
        `The scope parameter names a scope that does not exist, or does not separate scopes with single spaces. Valid scopes are ${SCOPES.slice(0, -1).join(', ')} and ${SCOPES.at(-1)}.`,
        errors.map((e) =>
          e.pointer === '/query/scope'
            ? { pointer: e.pointer, detail: 'contains an unknown scope, or scopes not separated by single spaces' }
            : e,
        ),
      );
    }
    return oauthProblem(400, 'invalid_request', oneParameter(errors) ?? problem.message, errors, problem.extra);
  }

  const noStore = { headers: { ...problem.extra.headers, 'cache-control': 'no-store' } };
  if (malformed('/body/grant_type')) {
    return oauthProblem(
      400,
      'unsupported_grant_type',
      'grant_type must be authorization_code or refresh_token.',
      errors,
      noStore,
    );
  }
  if (malformed('/body/client_secret')) {
    return oauthProblem(
      401,
      'invalid_client',
      'client_secret must be your secret key, sk_test_ followed by at least eight characters.',
      errors,
      { headers: { ...noStore.headers, 'www-authenticate': 'Basic realm="sandbox"' } },
    );
  }
  const status = problem.status === 422 ? 400 : problem.status;
  const detail = problem.status === 422 ? 'The token request has a missing or malformed field.' : problem.message;
  return oauthProblem(status, 'invalid_request', detail, errors, { ...problem.extra, ...noStore });
}

/** "The state parameter is required.", as the spec words it, when a single parameter is at fault. */
function oneParameter(errors: FieldError[]): string | undefined {
  const [only, ...others] = errors;
  if (!only || others.length > 0 || !only.pointer.startsWith('/query/')) return undefined;
  return `The ${only.pointer.slice('/query/'.length)} parameter ${only.detail}.`;
}
