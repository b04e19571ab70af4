/**
 * `docgen daemon status|stop`: the background process that serves `docgen gen` for a cache folder
 * (see daemon/server.ts). `daemon serve` (hidden) is how client.ts starts it.
 */
import { Command } from "commander";
import { defaultCacheDir } from "../cache.js";

interface DaemonOptions {
  cacheDir: string;
}

export function registerDaemon(program: Command): void {
  const daemon = program.command("daemon").description("the background process that serves gen runs: status or stop");
  const withCacheDir = (command: Command): Command => command.option("--cache-dir <dir>", "the cache folder the process serves", defaultCacheDir());
  withCacheDir(daemon.command("status").description("tell whether a background process serves this cache folder, and its memory"))
    .action(async (options: DaemonOptions) => {
      const { askDaemon } = await import("../daemon/client.js");
      const status = await askDaemon(options.cacheDir, { kind: "status" });
      if (status === null || status === "stopping") {
        process.stdout.write(`docgen: no background process serves ${options.cacheDir} (for this build of docgen)\n`);
        return;
      }
      const minutes = ((Date.now() - status.since) / 60000).toFixed(0);
      process.stdout.write(`docgen: background process ${status.pid} serves ${status.cacheDir}: ${status.runs} run(s) in ${minutes} min, ${Math.round(status.rss / 1024 / 1024)} MiB resident, ends after ${status.idleSeconds} s without a run\n`);
    });
  withCacheDir(daemon.command("stop").description("stop the background process of this cache folder (gen starts a new one when needed)"))
    .action(async (options: DaemonOptions) => {
      const { askDaemon } = await import("../daemon/client.js");
      const answer = await askDaemon(options.cacheDir, { kind: "stop" });
      process.stdout.write(answer === null ? `docgen: no background process serves ${options.cacheDir}\n` : `docgen: the background process of ${options.cacheDir} stops\n`);
    });
  daemon.addCommand(
    withCacheDir(new Command("serve").description("run as the background process (started by gen)")).action(async (options: DaemonOptions) => {
      const { serve } = await import("../daemon/server.js");
      await serve(options.cacheDir);
      process.exit(0);
    }),
    { hidden: true },
  );
}
