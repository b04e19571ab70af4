/**
 * Progress of a gen run: a bar on stderr when stderr is a terminal (cli-progress), nothing
 * otherwise (the run then ends with its one-line summary only, so logs stay clean).
 */
import { createRequire } from "node:module";
import type CliProgress from "cli-progress";

// Loaded only when a bar is shown (a terminal): a run in CI or a script does not pay for loading it.
const require = createRequire(import.meta.url);

export interface Progress {
  /** Starts a phase with `total` steps (a new phase replaces the previous bar's label). */
  phase(label: string, total: number): void;
  /** Adds `steps` to the current phase's total (work found while the phase runs). */
  grow(steps: number): void;
  tick(steps?: number): void;
  stop(): void;
}

const SILENT: Progress = { phase: () => {}, grow: () => {}, tick: () => {}, stop: () => {} };

/** A progress call as data, for the background process to send to the terminal of the run's client. */
export type ProgressEvent = ["phase", string, number] | ["grow", number] | ["tick", number] | ["stop"];

let forwardTo: ((event: ProgressEvent) => void) | null = null;

/**
 * Sends the progress of runs that ask for the default (`createProgress()`) to `to` instead of
 * drawing it here (the background process: its client draws the bar); null draws here again.
 */
export function forwardProgress(to: ((event: ProgressEvent) => void) | null): void {
  forwardTo = to;
}

/** A bar when `enabled` (default: stderr is a terminal, or progress is forwarded to a client's). */
export function createProgress(enabled?: boolean): Progress {
  const forward = forwardTo;
  if (enabled === undefined && forward !== null) {
    return { phase: (label, total) => forward(["phase", label, total]), grow: (steps) => forward(["grow", steps]), tick: (steps = 1) => forward(["tick", steps]), stop: () => forward(["stop"]) };
  }
  if (!(enabled ?? process.stderr.isTTY === true)) return SILENT;
  // require() is untyped; the type is that of the package's own declarations.
  const cliProgress: typeof CliProgress = require("cli-progress");
  const bar = new cliProgress.SingleBar(
    { format: "docgen {phase} [{bar}] {value}/{total}", clearOnComplete: true, hideCursor: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    phase(label, total) {
      if (started) bar.stop();
      bar.start(total, 0, { phase: label.padEnd(6) });
      started = true;
    },
    grow(steps) {
      if (started) bar.setTotal(bar.getTotal() + steps);
    },
    tick(steps = 1) {
      if (started) bar.increment(steps);
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
