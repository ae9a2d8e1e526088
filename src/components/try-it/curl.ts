import type { FormRequest } from './form-request';

import { LOCAL_SANDBOX_ORIGIN } from '../../../mocks/core/sandbox-location.ts';

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The request as a curl command for the local sandbox server, quoted for POSIX shells. */
export function curlCommand(request: FormRequest, server = LOCAL_SANDBOX_ORIGIN): string {
  return [
    `curl -X ${request.method} ${quote(`${server}/${request.root}${request.target}`)}`,
    ...Object.entries(request.headers).map(([name, value]) => `  -H ${quote(`${name}: ${value}`)}`),
    ...(request.body === undefined ? [] : [`  -d ${quote(request.body)}`]),
  ].join(' \\\n');
}
