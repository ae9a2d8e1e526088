import { setupServer } from 'msw/node';
import { createEngineRoomSandbox } from './catalog.ts';
import { sandboxHandlers } from './handlers.ts';

export const sandbox = createEngineRoomSandbox();
export const server = setupServer(...sandboxHandlers(sandbox));
