/** The HTTP port of the dispatcher; `fetchTransport` is the real adapter. */
export interface Transport {
  /** POST `body`; resolves with the status code, rejects on network failure or timeout. */
  post(url: string, headers: Readonly<Record<string, string>>, body: string): Promise<number>;
}

export function fetchTransport(timeoutMs = 10_000): Transport {
  return {
    async post(url, headers, body) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      return res.status;
    },
  };
}
