/**
 * A local sandbox server for one OpenAPI document that the site does not ship, answered by the generic mocks alone
 * (bench only): `node bench/generic-sandbox-server.ts ../shared/specs/square-api.json --port 0`. It serves the
 * document as the API `vendor` under `/vendor` plus its first server's path, like `npm run sandbox` serves ours.
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createSandbox } from '../mocks/core/sandbox.ts';
import { loadSpec } from '../mocks/load-spec.ts';
import { createSandboxServer } from '../mocks/server.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { port: { type: 'string', default: '0' } },
});
if (positionals.length !== 1) {
  console.error('Usage: node bench/generic-sandbox-server.ts <openapi-file> [--port N]');
  process.exit(2);
}
const sandbox = createSandbox({ specs: { vendor: loadSpec(positionals[0]!) }, mount: '/' });
const server = createSandboxServer(sandbox, () => undefined);
server.listen(Number(values.port), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`generic sandbox on http://localhost:${port}/${sandbox.engine('vendor').location.root}`);
});
process.on('SIGINT', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
