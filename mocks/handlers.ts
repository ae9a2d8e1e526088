import { http, type HttpHandler } from 'msw';
import type { Sandbox } from './core/sandbox.ts';

/** One MSW handler for the whole sandbox: anything under the mount goes to the sandbox, the rest is left alone. */
export const sandboxHandlers = (sandbox: Sandbox, mount = '/sandbox/'): HttpHandler[] => [
  http.all(`*${mount}*`, async ({ request }) => sandbox.handle(request)),
];
