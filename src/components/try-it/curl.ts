import type { FormRequest } from './form-request';

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * The request as a curl command for the local sandbox server at `server` (LOCAL_SANDBOX_ORIGIN, which the page hands
 * its script in the form's `data-local-server`: importing it would cost every page with a Try it one more script),
 * quoted for POSIX shells.
 */
export function curlCommand(request: FormRequest, server: string): string {
  return [
    `curl -X ${request.method} ${quote(`${server}/${request.root}${request.target}`)}`,
    ...Object.entries(request.headers).map(([name, value]) => `  -H ${quote(`${name}: ${value}`)}`),
    ...(request.body === undefined ? [] : [`  -d ${quote(request.body)}`]),
  ].join(' \\\n');
}
