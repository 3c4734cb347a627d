#!/usr/bin/env node
// kpi-kit: raw rows to KPI documents (the data path's command line). See --help, and src/cli/ for its commands.
import { main } from '../dist/cli/main.js';

await main(process.argv.slice(2));
