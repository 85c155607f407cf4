// How memgate's GitHub requests travel: undici's fetch through the proxy that @actions/http-client picks for
// the API's URL (https_proxy/HTTPS_PROXY for https://, http_proxy/HTTP_PROXY for http://; hosts in
// no_proxy/NO_PROXY and loopback hosts go direct), and each request, its whole body included, within a
// time limit. getOctokit's own default does the same, but once, when @actions/github is first imported, for
// the GITHUB_API_URL of that moment; this one is made per client, for the client's own base URL.
//
// The body is read here, not by Octokit: Octokit swallows an error while reading a body (it answers "" for a
// JSON body cut short), so a stalled or cut answer would look like an empty success. Reading it in full
// first turns a stall into an error, which the retry plugin may repeat for reads.
import { HttpClient } from '@actions/http-client';
import { fetch as undiciFetch, type Dispatcher } from 'undici';
import { NoAnswerError, StalledAnswerError } from './errors.ts';

/**
 * A fetch for Octokit's `request.fetch`: through the environment's proxy for `baseUrl` (read when the
 * client is made), every answer's body read in full within `timeoutMs`. `inner` replaces the network (tests).
 */
export function timedFetch(baseUrl: string, timeoutMs: number, inner?: typeof fetch): typeof fetch {
  const dispatcher: Dispatcher | undefined = inner ? undefined : new HttpClient().getAgentDispatcher(baseUrl);
  const send =
    inner ??
    ((url: string | URL | Request, init?: RequestInit) =>
      undiciFetch(url as string, { ...(init as object), dispatcher }) as unknown as Promise<Response>);
  return async (url, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await send(url, { ...init, signal });
    } catch (error) {
      if (timeout.aborted) throw new NoAnswerError(`no answer within ${timeoutMs} ms`);
      throw error;
    }
    let body: ArrayBuffer;
    try {
      body = await response.arrayBuffer();
    } catch (error) {
      throw new StalledAnswerError(response.status, timeoutMs, timeout.aborted ? 'timed out' : error);
    }
    const empty = body.byteLength === 0 || [204, 205, 304].includes(response.status);
    const copy = new Response(empty ? null : body, {
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers],
    });
    Object.defineProperty(copy, 'url', { value: response.url });
    return copy;
  };
}
