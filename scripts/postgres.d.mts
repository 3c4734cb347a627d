export function findPostgresBin(): string | undefined;
export function ensurePostgres(): string;
export function startPostgres(): Promise<{
  url: string;
  dir: string;
  port: number;
  stop(): void;
  /** Stops the server (fast shutdown), keeping its data. */
  halt(): void;
  /** Starts it again on the same port. */
  restart(): void;
}>;
