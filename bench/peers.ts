import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { buildStarlightOpenApiSite, STARLIGHT_OPENAPI } from './starlight-openapi-site.ts';
import { SCALAR_OPERATION_ANCHOR } from './targets.ts';

/**
 * The reference renderers we compare against, each rendering openapi/payments.yaml: Swagger UI, Redoc and Scalar from
 * a minimal HTML shell as their own documentation shows it, and starlight-openapi as a minimal Starlight site built
 * for the bench (starlight-openapi-site.ts). They live in a temporary folder (never committed) that the same static
 * server serves as our site, with the whole openapi/ folder beside them, so a spec's references to files next to it
 * resolve. Every shell gets the same `<title>`, `lang` and viewport, so no one loses SEO or
 * accessibility points to a shell we wrote carelessly; peers' calls to other hosts are switched off where an option
 * exists (Swagger UI's validator badge, Scalar's web fonts) and blocked by the bench where not.
 */
export interface Peer {
  name: string;
  /** Path of its shell page on the peer server, with the fragment that links to the operation where one is needed. */
  path: string;
}

const SPEC_DIR = 'openapi';
/** The spec as each shell asks for it, relative to the shell's folder. */
const SPEC_URL = '../openapi/payments.yaml';

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

const PEERS: { name: string; dir: string; anchor?: string; files: string[]; html: string }[] = [
  {
    name: 'Swagger UI',
    dir: 'swagger-ui',
    files: ['swagger-ui-dist/swagger-ui.css', 'swagger-ui-dist/swagger-ui-bundle.js'],
    html: shell(
      'Payments API – Swagger UI',
      '<link rel="stylesheet" href="swagger-ui.css">',
      `<div id="swagger-ui"></div>
<script src="swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({ url: '${SPEC_URL}', dom_id: '#swagger-ui', validatorUrl: null });</script>`,
    ),
  },
  {
    name: 'Redoc',
    dir: 'redoc',
    files: ['redoc/bundles/redoc.standalone.js'],
    html: shell(
      'Payments API – Redoc',
      '',
      `<redoc spec-url="${SPEC_URL}"></redoc>
<script src="redoc.standalone.js"></script>`,
    ),
  },
  {
    name: 'Scalar',
    dir: 'scalar',
    anchor: SCALAR_OPERATION_ANCHOR,
    files: ['@scalar/api-reference/dist/browser/standalone.js'],
    html: shell(
      'Payments API – Scalar',
      '',
      `<div id="app"></div>
<script src="standalone.js"></script>
<script>Scalar.createApiReference('#app', { url: '${SPEC_URL}', withDefaultFonts: false });</script>`,
    ),
  },
];

/** A file of an installed package, from the nearest node_modules at or above the working folder, as Node finds it. */
function packageFile(file: string): string {
  for (let dir = resolve('.'); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', file);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`${file} is not installed; run npm install.`);
  }
}

/**
 * Write the shells, copies of the peers' bundles and the starlight-openapi site into a new temporary folder. A
 * starlight-openapi site that does not build is left out with the reason logged, so the other peers still run.
 */
export async function writePeerSite(
  log: (line: string) => void = console.error,
): Promise<{ dir: string; peers: Peer[]; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'engine-room-peers-'));
  cpSync(SPEC_DIR, join(dir, SPEC_DIR), { recursive: true });
  for (const peer of PEERS) {
    mkdirSync(join(dir, peer.dir));
    writeFileSync(join(dir, peer.dir, 'index.html'), peer.html);
    for (const file of peer.files) copyFileSync(packageFile(file), join(dir, peer.dir, file.split('/').pop()!));
  }
  const peers: Peer[] = PEERS.map(({ name, dir: path, anchor = '' }) => ({ name, path: `${path}/${anchor}` }));
  try {
    const built = await buildStarlightOpenApiSite(join(dir, STARLIGHT_OPENAPI.base), SPEC_DIR);
    log(`peers: built the starlight-openapi site in ${Math.round(built.seconds)} s`);
    peers.push({ name: STARLIGHT_OPENAPI.name, path: `${STARLIGHT_OPENAPI.base}/${built.operationPath}` });
  } catch (error) {
    log(`peers: starlight-openapi is left out: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { dir, peers, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
