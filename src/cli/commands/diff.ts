/**
 * `docgen diff <old> <new>`: what changed in the API between two sets of docs (folders or files,
 * or with --git two refs of a docs repository), as markdown or JSON; --fail-on-breaking exits 1
 * when a change is breaking.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Option, type Command } from "commander";
import { diffModels, diffToMarkdown } from "../../diff/diff.js";
import { loadConfig } from "../config.js";
import { UserError } from "../errors.js";
import { loadModel } from "../pipeline.js";
import { writeOutFile } from "./shared.js";

interface DiffOptions {
  git?: string;
  path?: string;
  format: "markdown" | "json";
  failOnBreaking?: boolean;
  out?: string;
  config?: string;
}

export function registerDiff(program: Command): void {
  program
    .command("diff")
    .description("compare two versions of the docs: added, removed and changed types, properties, enum members and operations")
    .argument("<old>", "the older docs: a folder or file (with --git: a git ref)")
    .argument("<new>", "the newer docs: a folder or file (with --git: a git ref)")
    .option("--git <repo>", "read <old> and <new> as refs (commits, tags, branches) of this git repository")
    .option("--path <path>", "with --git: only this folder (or file) of the repository, such as docs/api")
    .addOption(new Option("-f, --format <format>", "output format").choices(["markdown", "json"]).default("markdown"))
    .option("--fail-on-breaking", "exit 1 when any change is breaking")
    .option("-o, --out <file>", "write to a file instead of stdout")
    .option("-c, --config <file>", "config file (its ignore globs apply)")
    .action(async (oldInput: string, newInput: string, options: DiffOptions) => {
      const config = await loadConfig(options.config);
      const ignore = config.ignore ?? [];
      let before;
      let after;
      if (options.git) {
        const temp = mkdtempSync(path.join(os.tmpdir(), "docgen-diff-"));
        try {
          before = await loadModel([checkout(options.git, oldInput, options.path === undefined ? [] : [options.path], path.join(temp, "old"))], { ignore });
          after = await loadModel([checkout(options.git, newInput, options.path === undefined ? [] : [options.path], path.join(temp, "new"))], { ignore });
        } finally {
          rmSync(temp, { recursive: true, force: true });
        }
      } else {
        for (const [input, name] of [[oldInput, "<old>"], [newInput, "<new>"]] as const) {
          if (!existsSync(input)) throw new UserError(`${name} "${input}" does not exist; pass a docs folder or file (or a git ref with --git <repo>)`);
        }
        before = await loadModel([oldInput], { ignore });
        after = await loadModel([newInput], { ignore });
      }
      const diff = diffModels(before, after);
      const text = options.format === "json" ? JSON.stringify(diff, null, 2) + "\n" : diffToMarkdown(diff);
      if (options.out) writeOutFile(options.out, text);
      else process.stdout.write(text);
      if (options.failOnBreaking && diff.summary.breaking > 0) {
        process.stderr.write(`docgen diff: ${diff.summary.breaking} breaking change(s)\n`);
        process.exitCode = 1;
      }
    });
}

/** Extracts `ref` (only `paths` when given) of the repository into `dir` with git archive. */
function checkout(repo: string, ref: string, paths: readonly string[], dir: string): string {
  const archive = spawnSync("git", ["-C", repo, "archive", "--format=tar", ref, "--", ...paths], { maxBuffer: 2 ** 31 - 1 });
  if (archive.error) throw new UserError(`cannot run git (${archive.error.message}); install git or compare folders instead of --git`);
  if (archive.status !== 0) {
    const reason = archive.stderr.toString("utf8").trim().split("\n")[0] ?? "";
    throw new UserError(`cannot read "${ref}" from the git repository "${repo}" (${reason}); check the ref and --git path`);
  }
  mkdirSync(dir, { recursive: true });
  const tar = spawnSync("tar", ["-x", "-C", dir], { input: archive.stdout });
  if (tar.status !== 0) throw new UserError(`cannot unpack "${ref}" (${tar.stderr.toString("utf8").trim()})`);
  return dir;
}
