/**
 * Read what the in-browser sandbox stored for one key, straight from localStorage, without loading the sandbox: the
 * state viewer and the event inbox must not cost the reader the MSW runtime just to look.
 */
import type { ApiState, WebhookDelivery } from '../../../mocks/core/state.ts';

/**
 * The default namespace of `webStoragePersistence` in mocks/core/persistence.ts. Not imported: a module shared with the
 * lazily loaded sandbox lets the bundler merge sandbox code into the page's script. The inbox test writes through the
 * real persistence, so a change there fails it.
 */
const NAMESPACE = 'engine-room:sandbox:';

export interface StoredApi {
  api: string;
  state: ApiState;
}

/** The APIs this key has used (others have no stored state yet), in the order given. */
export function storedApis(storage: Pick<Storage, 'getItem'>, key: string, apis: string[]): StoredApi[] {
  return apis.flatMap((api) => {
    const text = storage.getItem(`${NAMESPACE}${key}:${api}`);
    if (text === null) return [];
    try {
      return [{ api, state: JSON.parse(text) as ApiState }];
    } catch {
      return [];
    }
  });
}

export interface InboxEntry extends WebhookDelivery {
  /** The signing secret of the key and API that sent it, which a receiving server would hold. */
  secret: string;
}

/** Every webhook delivery of these APIs, newest first. */
export function inbox(stored: StoredApi[], limit = 50): InboxEntry[] {
  return stored
    .flatMap(({ state }) => (state.deliveries ?? []).map((delivery) => ({ ...delivery, secret: state.webhookSecret })))
    .sort((a, b) => b.created_at.localeCompare(a.created_at))
    .slice(0, limit);
}
