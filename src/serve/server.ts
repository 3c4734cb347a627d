/**
 * `kpi-kit serve`: {@link createKpiHandler} in a Node HTTP server (`@hono/node-server`, the Hono
 * project's adapter), with a log line per request on standard output.
 */
import { createKpiHandler, type KpiHandler, type KpiHandlerOptions } from './handler.js';

export interface ServeOptions extends KpiHandlerOptions {
  /** Default 8787. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

/** A running server. */
export interface RunningServer {
  /** `http://host:port`. */
  url: string;
  handler: KpiHandler;
  /** Stops accepting, ends open connections, closes the engine. */
  close(): Promise<void>;
}

/** Loads the data (an input problem rejects here, before listening), then listens. */
export async function serveKpi(options: ServeOptions): Promise<RunningServer> {
  const handler = createKpiHandler(options);
  await handler.ready();
  const { serve } = await import('@hono/node-server');
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: handler, port: options.port ?? 8787, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    handler,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await handler.close();
    },
  };
}
