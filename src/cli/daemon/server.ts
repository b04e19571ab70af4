/**
 * The background process (`docgen daemon serve`, started by client.ts): listens on the address of
 * its cache folder and build (address.ts) and runs the `gen` command lines clients send, one at a
 * time, exactly as `docgen gen` runs them in a process of its own (program.ts), with the output
 * sent back to the client. What it keeps between runs is what a new process would load again:
 * the compiled modules, its worker threads with ts-morph and the formatter loaded
 * (`useResidentWorkers`), and the cache entries runs read, decoded (`keepDecodedEntries`; used
 * only while their files are unchanged), the page store among them (about 80 MB for the corpus).
 * The cache on disk stays the source of truth, so a run here and a run in a process of its own read
 * and write the same entries and produce the same output.
 *
 * It ends after DOCGEN_DAEMON_IDLE_SECONDS (default 1800) without a run, on `docgen daemon stop`,
 * on SIGTERM or SIGINT, when a process of another build starts for the same cache folder
 * (recorded in `<cache>/daemon.json`), and when its socket file is no longer its own.
 */
import { chmodSync, lstatSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer, type Server, type Socket } from "node:net";
import path from "node:path";
import { endRunOfDecodedEntries, keepDecodedEntries } from "../cache.js";
import { useResidentWorkers } from "../pipeline.js";
import { forwardProgress } from "../progress.js";
import { runCli } from "../program.js";
import { defaultJobs, WorkerPool } from "../workers/pool.js";
import { daemonAddress } from "./address.js";
import { isRequest, readMessages, send, type DaemonStatus, type Request } from "./protocol.js";

const DEFAULT_IDLE_SECONDS = 1800;

/** Listens and serves until stopped; resolves when the process should exit. */
export async function serve(cacheDir: string): Promise<void> {
  const address = daemonAddress(cacheDir);
  const idleSeconds = idleSecondsFromEnv();
  const started = Date.now();
  let runs = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let idleTimer: NodeJS.Timeout | null = null;
  const pool = new WorkerPool(defaultJobs());
  let stopped!: () => void;
  const done = new Promise<void>((resolve) => (stopped = resolve));
  const server = createServer();
  let stopping = false;

  let socketFile: SocketFile | null = null;
  let ownershipCheck: NodeJS.Timeout | null = null;
  // The server is never closed: Node's close unlinks the socket's path even when another process
  // has bound it since (a replacement started while this one finished its last run). The file is
  // removed here while it is still this process's own, and the process then exits.
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    if (idleTimer !== null) clearTimeout(idleTimer);
    if (ownershipCheck !== null) clearInterval(ownershipCheck);
    if (socketFile?.owned() === true) socketFile.remove();
    stopped();
  };
  const armIdle = (): void => {
    if (idleTimer !== null) clearTimeout(idleTimer);
    idleTimer = setTimeout(stop, idleSeconds * 1000);
    idleTimer.unref();
  };
  const status = (): DaemonStatus => ({ pid: process.pid, since: started, runs, rss: process.memoryUsage.rss(), cacheDir, idleSeconds });

  server.on("connection", (socket: Socket) => {
    socket.on("error", () => {});
    let handled = false;
    readMessages(socket, (message) => {
      if (handled || !isRequest(message)) return;
      handled = true;
      if (message.kind === "status") {
        send(socket, { kind: "status", status: status() });
        socket.end();
      } else if (message.kind === "stop") {
        send(socket, { kind: "stopping" });
        socket.end();
        queue = queue.then(stop);
      } else {
        if (idleTimer !== null) clearTimeout(idleTimer);
        // A run that comes after a stop is not served: closing the connection unanswered makes its client run it itself.
        queue = queue
          .then(() => (stopping ? void socket.destroy() : serveRun(socket, message)))
          .catch((error: unknown) => {
            // runCli reports every error of a run; this is the process failing around it. The client hears of it, the next run still runs.
            send(socket, { kind: "stderr", text: `docgen: internal error in the background process: ${error instanceof Error ? error.message : String(error)} (run again with --no-daemon)\n` });
            send(socket, { kind: "exit", code: 3 });
            socket.end();
          })
          .then(() => {
            runs++;
            armIdle();
          });
      }
    });
  });

  keepDecodedEntries(["output", "format", "run", "files", "meta", "pages", "page"]);
  useResidentWorkers(pool);
  socketFile = await listen(server, address);
  if (socketFile === null) {
    await pool.close();
    return;
  }
  // A process whose socket file is gone (removed by hand, by a cleaner of the temporary folder) can
  // no longer be reached: it ends instead of waiting out its idle time.
  const file = socketFile;
  ownershipCheck = setInterval(() => {
    if (!file.owned()) queue = queue.then(stop);
  }, OWNERSHIP_CHECK_MS);
  ownershipCheck.unref();
  replacePrevious(cacheDir, address);
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  armIdle();
  await done;
  await pool.close();
}

/** Runs one command line for a client, with this process's output and progress sent to it. */
async function serveRun(socket: Socket, request: Extract<Request, { kind: "run" }>): Promise<void> {
  const restore = [capture(process.stdout, (text) => send(socket, { kind: "stdout", text })), capture(process.stderr, (text) => send(socket, { kind: "stderr", text }))];
  forwardProgress(request.tty ? (event) => send(socket, { kind: "progress", event }) : null);
  process.exitCode = 0;
  try {
    // Each run in its client's folder (the process itself was started in the temporary folder, see client.ts).
    process.chdir(request.cwd);
    await runCli(request.argv);
  } catch (error) {
    // runCli reports every error itself; this is a folder that vanished before the run began.
    process.stderr.write(`docgen: error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  } finally {
    for (const undo of restore) undo();
    forwardProgress(null);
  }
  const code = typeof process.exitCode === "number" ? process.exitCode : 0;
  process.exitCode = 0;
  send(socket, { kind: "exit", code });
  socket.end();
  // What the run left is collected now, while no run waits: memory held between runs stays low.
  endRunOfDecodedEntries();
  collectGarbage();
}

/** Sends what is written to `stream` to `onText` instead, until the returned function is called. */
function capture(stream: NodeJS.WriteStream, onText: (text: string) => void): () => void {
  const original = stream.write;
  stream.write = (chunk: string | Uint8Array, encodingOrCallback?: BufferEncoding | ((error?: Error | null) => void), callback?: (error?: Error | null) => void): boolean => {
    onText(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString(typeof encodingOrCallback === "string" ? encodingOrCallback : "utf8"));
    const done = typeof encodingOrCallback === "function" ? encodingOrCallback : callback;
    if (done) queueMicrotask(() => done(null));
    return true;
  };
  return () => {
    stream.write = original;
  };
}

function collectGarbage(): void {
  const gc: unknown = Reflect.get(globalThis, "gc");
  if (typeof gc === "function") gc();
}

/** How often a process checks that its socket file is still its own. */
const OWNERSHIP_CHECK_MS = 60_000;

/** The socket file a process listens on, known by its inode (a named pipe on Windows: always its own, nothing to remove). */
interface SocketFile {
  owned(): boolean;
  remove(): void;
}

function socketFileAt(address: string): SocketFile {
  if (process.platform === "win32") return { owned: () => true, remove: () => {} };
  const inode = (): bigint | null => {
    try {
      return lstatSync(address, { bigint: true }).ino;
    } catch {
      return null;
    }
  };
  const own = inode();
  return { owned: () => own !== null && inode() === own, remove: () => removeSocket(address) };
}

/** Listens on `address`: its socket file, or null when another process already serves it (this one then ends). */
async function listen(server: Server, address: string): Promise<SocketFile | null> {
  const attempt = (): Promise<NodeJS.ErrnoException | null> =>
    new Promise((resolve) => {
      server.once("error", resolve);
      server.listen(address, () => {
        server.removeListener("error", resolve);
        resolve(null);
      });
    });
  let error = await attempt();
  if (error?.code === "EADDRINUSE") {
    if (await answers(address)) return null;
    removeSocket(address); // left by a process that was killed
    error = await attempt();
  }
  if (error !== null) return null;
  if (process.platform !== "win32") chmodSync(address, 0o600);
  return socketFileAt(address);
}

function answers(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(address);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function removeSocket(address: string): void {
  try {
    if (process.platform !== "win32") rmSync(address, { force: true });
  } catch {
    // Not ours to remove (another user's file in the shared temporary folder): listening then fails, and this process ends.
  }
}

/**
 * Records this process in `<cache>/daemon.json` and asks the process recorded there before, when it
 * listens elsewhere (another build, Node or settings for the same cache), to stop: one cache
 * folder, one background process.
 */
function replacePrevious(cacheDir: string, address: string): void {
  const record = path.join(cacheDir, "daemon.json");
  try {
    const previous: unknown = JSON.parse(readFileSync(record, "utf8"));
    const old = typeof previous === "object" && previous !== null ? Reflect.get(previous, "address") : undefined;
    if (typeof old === "string" && old !== address) {
      const socket = connect(old);
      socket.on("error", () => {});
      socket.once("connect", () => send(socket, { kind: "stop" }));
    }
  } catch {
    // No record (the first process for this cache) or a damaged one: nothing to replace.
  }
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(record, JSON.stringify({ pid: process.pid, address }));
  } catch {
    // A cache folder that cannot be written: the record only serves replacing.
  }
}

function idleSecondsFromEnv(): number {
  const value = Number(process.env["DOCGEN_DAEMON_IDLE_SECONDS"] ?? "");
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_IDLE_SECONDS;
}
