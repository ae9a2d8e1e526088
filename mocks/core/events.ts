/**
 * The event log every API keeps per key: events are listed by `GET /events` and delivered as signed webhooks (Standard
 * Webhooks headers). The core owns it, so hand-written and generic operations record events the same way.
 */
import type { HandlerContext, Reply } from './define-api.ts';
import { deref, finalPointer, type OpenApiDocument, type ResponseObject } from './openapi.ts';
import { paginate } from './pagination.ts';
import { findById } from './find-by-id.ts';
import type { Router } from './router.ts';
import type { ApiState, SandboxEvent, WebhookDelivery } from './state.ts';
import { signWebhook } from './webhooks.ts';

export interface EventTools {
  now: () => Date;
  randomId: (prefix: string) => string;
  /** Called for each signed delivery; the core holds them until the transaction has committed. */
  deliver: (delivery: WebhookDelivery) => void;
}

/** Record an event in a key's draft state and sign its webhook delivery. */
export async function recordEvent(
  tools: EventTools,
  api: string,
  draft: ApiState,
  type: string,
  object: unknown,
  at = tools.now(),
): Promise<SandboxEvent> {
  const created_at = at.toISOString();
  const event: SandboxEvent = { id: tools.randomId('evt_'), object: 'event', type, created_at, data: { object } };
  // Newest first, by when the change happened.
  const position = draft.events.findIndex((existing) => existing.created_at <= created_at);
  draft.events.splice(position < 0 ? draft.events.length : position, 0, event);
  const body = JSON.stringify(event);
  const delivery: WebhookDelivery = {
    id: tools.randomId('whd_'),
    event: event.id,
    type,
    api,
    headers: { 'content-type': 'application/json', ...(await signWebhook(draft.webhookSecret, event.id, at, body)) },
    body,
    created_at,
  };
  draft.deliveries.unshift(delivery);
  tools.deliver(delivery);
  return event;
}

/**
 * The events a spec shows in its `getEvent` and `listEvents` examples start the event log, so that the documented
 * example requests work in a fresh sandbox; new events are added in front of them.
 */
export function exampleEvents({ document, router }: { document: OpenApiDocument; router: Router }): SandboxEvent[] {
  const found = new Map<string, SandboxEvent>();
  for (const operation of router.operations.filter((o) => o.id === 'getEvent' || o.id === 'listEvents')) {
    const response = deref<ResponseObject>(document, {
      $ref: finalPointer(document, `${operation.pointer}/responses/200`),
    });
    for (const example of Object.values(response?.content?.['application/json']?.examples ?? {})) {
      const value = deref<{ value?: unknown }>(document, example)?.value as { data?: unknown; id?: string } | undefined;
      const events = Array.isArray(value?.data) ? value.data : [value];
      for (const event of events as SandboxEvent[]) if (event?.id?.startsWith('evt_')) found.set(event.id, event);
    }
  }
  return [...found.values()].sort((a, b) => b.created_at.localeCompare(a.created_at));
}

/** `listEvents` and `getEvent`, which every API with events shares. */
export const eventHandlers: Record<string, (context: HandlerContext<unknown>) => Reply> = {
  listEvents: ({ state, input }) => {
    const type = input.query.type;
    const events = typeof type === 'string' ? state.events.filter((event) => event.type === type) : state.events;
    return { status: 200, body: paginate(events, input.query) };
  },
  getEvent: ({ state, input }) => ({ status: 200, body: findById(state.events, String(input.path.id), 'event') }),
};
