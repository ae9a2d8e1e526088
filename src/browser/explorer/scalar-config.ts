import type { OpenApiDocument } from '../../../mocks/core/openapi.ts';
import { sandboxLocation } from '../../../mocks/core/sandbox-location.ts';

/** The sandbox key the explorer fills in, so a reader's first request is authorized without setup. */
export const EXPLORER_SANDBOX_KEY = 'sk_test_engine_room_explorer';

export type ColourMode = 'light' | 'dark';

export interface ExplorerOptions {
  api: string;
  /** The spec, as the sandbox serves it; Scalar gets a copy, since it annotates what it is given. */
  document: OpenApiDocument;
  /** The page's origin and the site's base path: the sandbox answers under `<origin><base>sandbox/<api><server path>`. */
  origin: string;
  base: string;
  colourMode: ColourMode;
}

/**
 * Scalar's configuration for one API. Every choice here serves the privacy promise (no request leaves the site):
 * no proxy, so the try-it request is a plain fetch that the Service Worker answers; no fonts, telemetry, agent,
 * MCP or developer tools; no button that opens Scalar's hosted client. The in-browser sandbox is the only server,
 * as an absolute URL, because the spec's relative `/sandbox/…` would miss a sub-path base.
 */
export function scalarConfiguration({ api, document, origin, base, colourMode }: ExplorerOptions) {
  const root = base.replace(/\/?$/, '/');
  const schemes = Object.entries(document.components?.securitySchemes ?? {});
  const bearer = schemes.find(([, scheme]) => scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer');
  return {
    content: structuredClone(document),
    servers: [
      {
        url: `${origin}${root}sandbox/${sandboxLocation(api, document).root}`,
        description: 'In-browser sandbox (answered by a Service Worker in this tab)',
      },
    ],
    ...(bearer
      ? {
          authentication: {
            preferredSecurityScheme: bearer[0],
            securitySchemes: { [bearer[0]]: { token: EXPLORER_SANDBOX_KEY } },
          },
        }
      : {}),
    withDefaultFonts: false,
    telemetry: false,
    hideClientButton: true,
    showDeveloperTools: 'never' as const,
    agent: { disabled: true },
    mcp: { disabled: true },
    documentDownloadType: 'none' as const,
    hideDarkModeToggle: true,
    forceDarkModeState: colourMode,
    darkMode: colourMode === 'dark',
    theme: 'default' as const,
    layout: 'modern' as const,
    persistAuth: false,
    _integration: 'astro' as const,
  };
}
