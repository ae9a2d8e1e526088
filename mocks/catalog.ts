import { apis } from './apis/index.ts';
import { specs } from './generated/specs.ts';
import { createSandbox, type Sandbox, type SandboxOptions } from './core/sandbox.ts';

/** The Engine Room sandbox: every spec in openapi/, with the hand-written handlers in mocks/apis/. */
export function createEngineRoomSandbox(options: Omit<SandboxOptions, 'specs' | 'apis'> = {}): Sandbox {
  return createSandbox({ specs, apis, ...options });
}
