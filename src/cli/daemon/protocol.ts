/**
 * What the client (fast-path.ts, client.ts) and the background process (server.ts) say to each
 * other over the socket: one JSON object per line. The client sends one Request per connection;
 * the process answers a run with its output as it is written, progress events, and the exit code.
 */
import type { Socket } from "node:net";
import type { ProgressEvent } from "../progress.js";

export type { ProgressEvent };

export type Request =
  /** Run a command line (as process.argv) in `cwd`; `tty`: whether the client's stderr is a terminal (the progress bar is drawn there). */
  | { kind: "run"; argv: string[]; cwd: string; tty: boolean }
  | { kind: "status" }
  | { kind: "stop" };

export interface DaemonStatus {
  pid: number;
  /** Milliseconds since the epoch when the process started. */
  since: number;
  runs: number;
  /** Resident memory now, in bytes. */
  rss: number;
  cacheDir: string;
  idleSeconds: number;
}

export type Reply =
  | { kind: "stdout"; text: string }
  | { kind: "stderr"; text: string }
  | { kind: "progress"; event: ProgressEvent }
  | { kind: "exit"; code: number }
  | { kind: "status"; status: DaemonStatus }
  | { kind: "stopping" };

export function send(socket: Socket, message: Request | Reply): void {
  socket.write(`${JSON.stringify(message)}\n`);
}

/** Calls `onMessage` with each complete line's parsed value (a line that is not JSON is dropped). */
export function readMessages(socket: Socket, onMessage: (message: unknown) => void): void {
  let buffered = "";
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => {
    buffered += chunk;
    let end = buffered.indexOf("\n");
    while (end >= 0) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      try {
        onMessage(JSON.parse(line));
      } catch {
        // Not a message of ours; the other side's next line may be.
      }
      end = buffered.indexOf("\n");
    }
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isRequest(value: unknown): value is Request {
  if (!isObject(value)) return false;
  if (value["kind"] === "status" || value["kind"] === "stop") return true;
  return value["kind"] === "run" && Array.isArray(value["argv"]) && value["argv"].every((a) => typeof a === "string") && typeof value["cwd"] === "string" && typeof value["tty"] === "boolean";
}

export function isReply(value: unknown): value is Reply {
  if (!isObject(value)) return false;
  switch (value["kind"]) {
    case "stdout":
    case "stderr":
      return typeof value["text"] === "string";
    case "progress":
      return Array.isArray(value["event"]);
    case "exit":
      return typeof value["code"] === "number";
    case "status":
      return isObject(value["status"]);
    case "stopping":
      return true;
    default:
      return false;
  }
}
