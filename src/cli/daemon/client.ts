/**
 * Talking to the background process: one request per connection (see protocol.ts), and starting
 * the process when none listens. Only node: built-ins and the progress bar are loaded here.
 */
import { spawn } from "node:child_process";
import { lstatSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { createProgress, type Progress } from "../progress.js";
import { daemonAddress, RUN_HERE_JS } from "./address.js";
import { isReply, readMessages, send, type DaemonStatus, type ProgressEvent, type Request } from "./protocol.js";

/** How long a client waits for a process it started to listen. */
const START_TIMEOUT_MS = 5000;

/** Whether the socket at `address` is another user's (the temporary folder is shared): never talked to, never removed. */
function foreign(address: string): boolean {
  if (process.platform === "win32" || typeof process.getuid !== "function") return false;
  try {
    return lstatSync(address).uid !== process.getuid();
  } catch {
    return false;
  }
}

function connectTo(address: string): Promise<Socket | null> {
  if (foreign(address)) return Promise.resolve(null);
  return new Promise((resolve) => {
    const socket = connect(address);
    socket.once("connect", () => {
      socket.removeAllListeners("error");
      resolve(socket);
    });
    // No process listens (none started yet, or a socket file left by one that was killed: the process
    // started next removes it, after checking that nothing answers; a client removing it could
    // remove the file of a process that has just bound it and not yet listens).
    socket.once("error", () => resolve(null));
  });
}

/** Starts a background process for `cacheDir`, detached from this one, and waits until it listens (null: it did not, in time). */
async function start(address: string, cacheDir: string): Promise<Socket | null> {
  // Started in the temporary folder, so that it never keeps a project folder busy (each run changes to
  // its client's folder); with single-threaded garbage collection, as gc-mode.ts explains.
  const child = spawn(process.execPath, ["--expose-gc", "--single-threaded-gc", RUN_HERE_JS, "daemon", "serve", "--cache-dir", cacheDir], { detached: true, stdio: "ignore", env: process.env, cwd: tmpdir() });
  // A process that ends before it listens (it cannot write its socket, say) is not waited for.
  let ended = false;
  child.on("error", () => (ended = true));
  child.on("exit", () => (ended = true));
  child.unref();
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const socket = await connectTo(address);
    if (socket !== null) return socket;
    // Ended without listening (another client's process may have won the address: asked once more above).
    if (ended) return null;
  }
  return null;
}

export type RunOutcome = { exitCode: number } | { unreachable: true } | { lost: true };

/**
 * Runs a command line in the background process of `cacheDir` (started when none listens), writing
 * its output here as it comes. `unreachable`: no process could be reached or started (run it here
 * instead); `lost`: the process ended during the run after output had been written.
 */
export async function runInDaemon(argv: readonly string[], cacheDir: string): Promise<RunOutcome> {
  const address = daemonAddress(cacheDir);
  const socket = (await connectTo(address)) ?? (await start(address, cacheDir));
  if (socket === null) return { unreachable: true };
  const tty = process.stderr.isTTY === true;
  const progress: Progress | null = tty ? createProgress(true) : null;
  let wrote = false;
  return new Promise<RunOutcome>((resolve) => {
    let done = false;
    const finish = (outcome: RunOutcome): void => {
      if (done) return;
      done = true;
      progress?.stop();
      socket.destroy();
      resolve(outcome);
    };
    readMessages(socket, (message) => {
      if (!isReply(message)) return;
      if (message.kind === "stdout" || message.kind === "stderr") {
        wrote = true;
        progress?.stop();
        (message.kind === "stdout" ? process.stdout : process.stderr).write(message.text);
      } else if (message.kind === "progress") {
        if (progress !== null) applyProgress(progress, message.event);
      } else if (message.kind === "exit") {
        finish({ exitCode: message.code });
      }
    });
    socket.on("error", () => {});
    socket.on("close", () => finish(wrote ? { lost: true } : { unreachable: true }));
    send(socket, { kind: "run", argv: [...argv], cwd: process.cwd(), tty });
  });
}

function applyProgress(progress: Progress, event: ProgressEvent): void {
  if (event[0] === "phase") progress.phase(event[1], event[2]);
  else if (event[0] === "grow") progress.grow(event[1]);
  else if (event[0] === "tick") progress.tick(event[1]);
  else progress.stop();
}

/** Asks the background process of `cacheDir` for its status, or to stop; null when none listens. */
export async function askDaemon(cacheDir: string, request: Extract<Request, { kind: "status" | "stop" }>): Promise<DaemonStatus | "stopping" | null> {
  const socket = await connectTo(daemonAddress(cacheDir));
  if (socket === null) return null;
  return new Promise((resolve) => {
    let answer: DaemonStatus | "stopping" | null = null;
    readMessages(socket, (message) => {
      if (!isReply(message)) return;
      if (message.kind === "status") answer = message.status;
      if (message.kind === "stopping") answer = "stopping";
      socket.end();
    });
    socket.on("error", () => {});
    socket.on("close", () => resolve(answer));
    send(socket, request);
  });
}
