#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/cli to dist/cli by `npm run build` (run by `npm ci` via `prepare`).
import "../dist/cli/main.js";
