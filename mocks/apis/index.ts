import type { ApiDefinition } from '../core/define-api.ts';
import { ai } from './ai.ts';
import { analytics } from './analytics.ts';
import { location } from './location.ts';
import { messaging } from './messaging.ts';
import { payments } from './payments.ts';
import { social } from './social.ts';
import { storage } from './storage.ts';

/** Hand-written behaviour per API. Operations not listed in an API's handlers get the generic, spec-driven answers. */
export const apis: Record<string, ApiDefinition<unknown>> = {
  ai: ai as ApiDefinition<unknown>,
  analytics: analytics as ApiDefinition<unknown>,
  location: location as ApiDefinition<unknown>,
  messaging: messaging as ApiDefinition<unknown>,
  payments: payments as ApiDefinition<unknown>,
  social: social as ApiDefinition<unknown>,
  storage: storage as ApiDefinition<unknown>,
};
