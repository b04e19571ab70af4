/**
 * A real HTTP server on 127.0.0.1 (random port) for the request-function tests: it records every
 * request that arrives (method, URL, headers, body) and answers each from a script of replies, in
 * order; a request with nothing scripted gets a 500. A reply can be delayed or never sent.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Answer after this many milliseconds (unless the client has gone). */
  delayMs?: number;
  /** Never answer (for abort tests). */
  hang?: boolean;
}

/** A JSON reply. */
export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(value) };
}

export class ScriptedServer {
  /** The requests in the order they arrived. */
  recorded: Recorded[] = [];
  /** The replies still to send, first first. */
  replies: Reply[] = [];
  /** `http://127.0.0.1:<port>` once started. */
  origin = "";
  private arrivals: Array<() => void> = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      this.recorded.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      for (const arrived of this.arrivals.splice(0)) arrived();
      this.answer(res, this.replies.shift() ?? { status: 500, body: "no reply scripted" });
    });
  });

  static async start(): Promise<ScriptedServer> {
    const scripted = new ScriptedServer();
    await new Promise<void>((resolve) => scripted.server.listen(0, "127.0.0.1", resolve));
    // Listening on TCP: address() is an AddressInfo, not a pipe name.
    scripted.origin = `http://127.0.0.1:${(scripted.server.address() as AddressInfo).port}`;
    return scripted;
  }

  /** Forgets what arrived and what was scripted (call before each test). */
  reset(...replies: Reply[]): void {
    this.recorded = [];
    this.replies = replies;
  }

  /** Resolves when the next request has arrived. */
  nextArrival(): Promise<void> {
    return new Promise<void>((resolve) => this.arrivals.push(resolve));
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(res: ServerResponse, reply: Reply): void {
    if (reply.hang) return;
    const send = (): void => {
      res.writeHead(reply.status, reply.headers);
      res.end(reply.body);
    };
    if (reply.delayMs === undefined) return send();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!res.destroyed) send();
    }, reply.delayMs);
    this.timers.add(timer);
  }
}
