/** `kpi-kit --help`: the commands, each kind's build (its data path's own lines) and each platform's import. */
import { DATA_PATHS } from '../data/paths/all.js';
import { PLATFORM_IMPORTS } from '../data/platforms.js';

export const HELP = `kpi-kit: raw rows to KPI documents

  kpi-kit import olist <dir> --out <orders.csv|orders.json|orders.parquet>
      Olist's CSV files (orders, customers, order_payments, order_reviews; .csv or .csv.gz) to canonical orders.
  kpi-kit import csv <export.csv> --out <orders.csv|orders.json|orders.parquet>
      [--map <canonical>=<your column> …] [--map-file <mapping.json>] [--map-status canceled=Cancelado,Cancelada …]
      [--encoding utf-8|windows-1252] [--delimiter ';'] [--decimal ,|.]
      [--date-format DD/MM/YYYY|MM/DD/YYYY|ISO] [--currency BRL] [--tz <IANA zone>]
      A store's own orders export to canonical orders. Encoding, delimiter, decimal mark and date order are
      detected (and said on stderr); columns match canonical names case- and accent-insensitively, or as mapped;
      a Brazilian state (SP, São Paulo) becomes BR-SP with its name and macro-region; dates without an offset
      are the store's time in --tz (default UTC), written in UTC.
${Object.values(DATA_PATHS)
  .map((p) => p.help)
  .join('\n')}
  kpi-kit sql <kind> --dialect duckdb|postgres|bigquery|clickhouse|snowflake [the build options]
      Prints the recipe of a kind (its flat-row queries) for that engine, reading a table named orders
      (or --orders <table>: project.dataset.table on BigQuery, DB.SCHEMA.TABLE on Snowflake). Run it there,
      export each query's rows as <query>.csv, and kpi-kit build <kind> --rows-from <folder> makes the document.
${Object.entries(PLATFORM_IMPORTS)
  .map(
    ([name, p]) =>
      `  kpi-kit import ${name} ${p.file} --out <orders.csv|orders.json|orders.parquet>` +
      `${p.zone ? ' [--tz <IANA zone>]' : ''}\n${p.help.replace(/^/gm, '      ')}`,
  )
  .join('\n')}
  kpi-kit import ga4 <export.parquet|export.json> --out <events.csv|events.parquet|events.json>
      A GA4 BigQuery export (copied out with its nested columns) to canonical events, on DuckDB.
  kpi-kit sql ga4 [--dialect bigquery|duckdb] [--table project.dataset.events_*]
      Prints the GA4 adapter, to run where the export lives (BigQuery).
  kpi-kit check <document.json>
      Validates a KPI document; prints each problem with its JSON path.
  kpi-kit render <document.json> --out <file.png|file.svg> [--width 800] [--locale en|pt-BR|es] [--theme light|dark]
      The document's widget drawn headless in this machine's Chromium (CHROME_PATH, else the usual places; the
      optional package playwright-core drives it): a PNG at 2× device pixels, or the widget's SVG export.
  kpi-kit digest <board.json | document.json …> --out <digest.html> [--width 640] [--locale …] [--theme …] [--title …]
      An e-mail-safe HTML page (tables, inline styles, inline PNGs, no script) with each widget's picture and its
      insights; a board manifest's widgets are read from their src files beside it.
  kpi-kit insights <document.json> [--locale en|pt-BR|es] [--format text|markdown|json] [--compare-to <earlier.json>]
      What the document shows, in plain sentences (for e-mail digests and chat messages); json gives each
      insight's facts and marks too.
  kpi-kit serve --orders <file> [--events <file>] [--frictions <file>] | --db postgres://… --orders <table> …
      [--port 8787] [--host 127.0.0.1] [--cors <origin> …] [--ttl 60] [--cache-size 500] [--query-timeout 30]
      Documents on request: GET /kpi/<kind>?<build options>&region=…&channel=…&store=…, /kpi/values/<field>,
      /kpi, /healthz. With KPI_KIT_SECRET set (32 characters or more), every /kpi request needs an HS256 JWT
      whose "kpi" claim ({"store": [...], "region"?: [...], "channel"?: [...]}) scopes the rows.
      One JSON line per request on standard output.

Common build options:
  --allow-empty                       write the document even when no qualifying row made it (else exit 1)
  --insights                          (build) embed what the document shows, in sentences in the --locale's
                                      language (the document's "insights"; the widgets show these)
  --from YYYY-MM-DD --to YYYY-MM-DD   what is shown (cohort), or which orders count (funnel, channels)
  --tz <IANA zone>                    days, weeks and months in this time zone (default UTC)
  --title T  --subtitle S             the document's title and subtitle
  --currency XXX                      ISO 4217 (default: the orders' own, else BRL)
  --labels <labels.json>              labels by step column, event name or channel value ({"purchase": "Purchase"})
  --locale en|pt-BR|es                language of the built-in labels (metric names, cohort months, timestamp
                                      columns, GA4 events: "Iniciar checkout"); default en
  --out <document.json>               write here (atomically) instead of standard output
  --engine duckdb|clickhouse|memory   DuckDB embedded (default; files: CSV, Parquet, JSON), ClickHouse in this
                                      process (chDB; the same files), or the pure TypeScript builders (CSV, JSON;
                                      no database needed)
  --db postgres://user@host:port/db   run the recipes inside PostgreSQL or ClickHouse
  --db clickhouse://user@host:8123/db (clickhouses:// for HTTPS); --orders/--events/--frictions name tables
  --rows-from <rows.json|folder>      (build) the rows of the kind's recipe, run elsewhere (kpi-kit sql printed it,
                                      a warehouse ran it) and exported: one JSON object of rows by query name, or a
                                      folder with <query>.csv or <query>.json per query
  --store <id>                        (import) the store every imported order or event belongs to (store_id), for
                                      serving several stores from one table

Exit status: 0 on success, 1 on bad input (the message names file, line, column and value), 2 on bad usage.`;
