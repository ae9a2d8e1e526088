import { defineApi } from '../core/define-api.ts';
import type { operations } from '../generated/types/messaging.ts';

// Until this API's handlers are written, every operation gets the generic, spec-driven answer.
export const messaging = defineApi<operations, Record<string, never>>({
  seed: () => ({}),
  handlers: {},
});
