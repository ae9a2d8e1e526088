import type { FormRequest } from './form-request';

/** The local sandbox server (`npm run sandbox`), which answers the same requests outside the browser. */
export const LOCAL_SANDBOX = 'http://localhost:4010';

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The request as a curl command for the local sandbox server, quoted for POSIX shells. */
export function curlCommand(request: FormRequest, server = LOCAL_SANDBOX): string {
  return [
    `curl -X ${request.method} ${quote(`${server}/${request.api}/v1${request.target}`)}`,
    ...Object.entries(request.headers).map(([name, value]) => `  -H ${quote(`${name}: ${value}`)}`),
    ...(request.body === undefined ? [] : [`  -d ${quote(request.body)}`]),
  ].join(' \\\n');
}
