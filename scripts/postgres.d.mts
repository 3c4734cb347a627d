export function findPostgresBin(): string | undefined;
export function ensurePostgres(): string;
export function startPostgres(): Promise<{ url: string; dir: string; port: number; stop(): void }>;
