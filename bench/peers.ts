import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The reference renderers we compare against, each rendering openapi/payments.yaml from a minimal HTML shell as
 * their own documentation shows it. The shells live in a temporary folder (never committed) that the same static
 * server serves as our site. Every shell gets the same `<title>`, `lang` and viewport, so no one loses SEO or
 * accessibility points to a shell we wrote carelessly; peers' calls to other hosts are switched off where an option
 * exists (Swagger UI's validator badge, Scalar's web fonts) and blocked by the bench where not.
 */
export interface Peer {
  name: string;
  /** Path of its shell page on the peer server. */
  path: string;
}

const SPEC = 'openapi/payments.yaml';

function shell(title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${head}
</head>
<body>
${body}
</body>
</html>
`;
}

const PEERS = [
  {
    name: 'Swagger UI',
    dir: 'swagger-ui',
    files: ['swagger-ui-dist/swagger-ui.css', 'swagger-ui-dist/swagger-ui-bundle.js'],
    html: shell(
      'Payments API – Swagger UI',
      '<link rel="stylesheet" href="swagger-ui.css">',
      `<div id="swagger-ui"></div>
<script src="swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({ url: '../payments.yaml', dom_id: '#swagger-ui', validatorUrl: null });</script>`,
    ),
  },
  {
    name: 'Redoc',
    dir: 'redoc',
    files: ['redoc/bundles/redoc.standalone.js'],
    html: shell(
      'Payments API – Redoc',
      '',
      `<redoc spec-url="../payments.yaml"></redoc>
<script src="redoc.standalone.js"></script>`,
    ),
  },
  {
    name: 'Scalar',
    dir: 'scalar',
    files: ['@scalar/api-reference/dist/browser/standalone.js'],
    html: shell(
      'Payments API – Scalar',
      '',
      `<div id="app"></div>
<script src="standalone.js"></script>
<script>Scalar.createApiReference('#app', { url: '../payments.yaml', withDefaultFonts: false });</script>`,
    ),
  },
];

/** Write the shells and copies of the peers' bundles into a new temporary folder. */
export function writePeerSite(): { dir: string; peers: Peer[]; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'engine-room-peers-'));
  copyFileSync(SPEC, join(dir, 'payments.yaml'));
  for (const peer of PEERS) {
    mkdirSync(join(dir, peer.dir));
    writeFileSync(join(dir, peer.dir, 'index.html'), peer.html);
    for (const file of peer.files)
      copyFileSync(join('node_modules', file), join(dir, peer.dir, file.split('/').pop()!));
  }
  return {
    dir,
    peers: PEERS.map(({ name, dir: path }) => ({ name, path: `${path}/` })),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
