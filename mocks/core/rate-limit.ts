/** Fixed-window rate limiting per sandbox key and API, with the IETF `RateLimit-*` headers on every answer. */
export interface RateLimitPolicy {
  limit: number;
  windowSeconds: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

export const DEFAULT_RATE_LIMIT: RateLimitPolicy = { limit: 100, windowSeconds: 60 };

export class RateLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();

  readonly now: () => Date;

  constructor(now: () => Date) {
    this.now = now;
  }

  take(bucket: string, policy: RateLimitPolicy): RateLimitDecision {
    const now = this.now().getTime();
    const windowMs = policy.windowSeconds * 1000;
    let window = this.#windows.get(bucket);
    if (!window || now - window.start >= windowMs) {
      window = { start: now, count: 0 };
      this.#windows.set(bucket, window);
    }
    const allowed = window.count < policy.limit;
    if (allowed) window.count += 1;
    const reset = Math.max(1, Math.ceil((window.start + windowMs - now) / 1000));
    const headers: Record<string, string> = {
      'ratelimit-limit': String(policy.limit),
      'ratelimit-remaining': String(policy.limit - window.count),
      'ratelimit-reset': String(reset),
    };
    if (!allowed) headers['retry-after'] = String(reset);
    return { allowed, headers };
  }

  reset(): void {
    this.#windows.clear();
  }
}
