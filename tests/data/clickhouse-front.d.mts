export interface Seen {
  user: string;
  database: string | null;
  session: string | null;
  timezone: string | null;
}
interface QuerySession {
  query(sql: string, format?: string): string;
}
export function createShopOrders(run: (sql: string) => unknown, table: string, csv: string): Promise<void>;
export function startClickHouseFront(
  session: QuerySession,
): Promise<{ port: number; seen: Seen[]; close(): Promise<void> }>;
