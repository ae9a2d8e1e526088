import type { ApiDefinition } from '../core/define-api.ts';

/**
 * The hand-written behaviour of each API (the same as `index.ts`), one module per API loaded on first use: the browser
 * sandbox fetches only the handlers of the API a page calls. A test keeps the two lists in step.
 */
export const apiLoaders: Record<string, () => Promise<ApiDefinition<unknown>>> = {
  ai: () => import('./ai.ts').then((module) => module.ai as ApiDefinition<unknown>),
  analytics: () => import('./analytics.ts').then((module) => module.analytics as ApiDefinition<unknown>),
  location: () => import('./location.ts').then((module) => module.location as ApiDefinition<unknown>),
  messaging: () => import('./messaging.ts').then((module) => module.messaging as ApiDefinition<unknown>),
  payments: () => import('./payments.ts').then((module) => module.payments as ApiDefinition<unknown>),
  social: () => import('./social.ts').then((module) => module.social as ApiDefinition<unknown>),
  storage: () => import('./storage.ts').then((module) => module.storage as ApiDefinition<unknown>),
};
