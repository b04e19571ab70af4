/**
 * The plan memos of generated files (kind "plan"; `emitters/unit-plan.ts`), one journaled entry per
 * file (`journal.ts`: a run that emitted a few units again appends them instead of writing the
 * memo's megabytes again) keyed by the settings and the file's path (`OutputKeys.plan`), so that
 * the run after any edit finds the memo of the file's last plan. A memo's units are the entry's
 * records, and its skeleton one more record under a key no unit has (with the head and tail: the
 * digest of the units' keys as its `data`, "" without them; the head's and tail's statements as its two sections).
 * The memos of a run are written
 * once every file is planned, while the changed chunks render.
 */
import type { PlanMemos } from "../emitters/emit.js";
import type { AssembledMemo, PlanMemo, UnitMemo } from "../emitters/unit-plan.js";
import type { Cache } from "./cache.js";
import { journalChecks, journalKey, loadJournaled, saveJournaled, type Journaled } from "./journal.js";
import type { OutputKeys } from "./output-keys.js";

/** The record holding the memo's skeleton (as its `content`): unit keys are type names and operation ids, never this. */
const SKELETON = "\0skeleton";

export class PlanStore implements PlanMemos {
  private readonly loaded = new Map<string, Journaled<UnitMemo>>();
  private readonly pending: Array<{ path: string; memo: PlanMemo }> = [];

  private reads = true;

  constructor(
    private readonly cache: Cache,
    private readonly keys: OutputKeys,
  ) {}

  afresh(): void {
    this.reads = false;
    // Written whole from now on: nothing of the memos read is kept.
    this.loaded.clear();
  }

  read(path: string): PlanMemo | null {
    if (!this.reads) return null;
    const loaded = loadJournaled(this.cache, "plan", this.keys.plan(path), CHECKS);
    this.loaded.set(path, loaded);
    const skeleton = loaded.records.get(SKELETON);
    if (skeleton === undefined) return null;
    // Without a prototype: a unit key may be any type name (see unit-plan.ts).
    const units: Record<string, UnitMemo> = Object.create(null);
    for (const [key, unit] of loaded.records) if (key !== SKELETON) units[key] = unit;
    const [head, tail] = skeleton.statements;
    const assembled = skeleton.data !== "" && head !== undefined && tail !== undefined ? { units: skeleton.data, head, tail } : undefined;
    return { skeleton: skeleton.content, units, ...(assembled !== undefined ? { assembled } : {}) };
  }

  write(path: string, memo: PlanMemo | null): void {
    if (memo !== null) this.pending.push({ path, memo });
  }

  /** Writes the memos of the files planned since the last call. */
  store(): void {
    for (const { path, memo } of this.pending.splice(0)) {
      const loaded = this.loaded.get(path) ?? { records: new Map<string, UnitMemo>(), generation: null, lines: 0 };
      const next = new Map(Object.entries(memo.units));
      const skeleton = loaded.records.get(SKELETON);
      const record = skeletonRecord(memo.skeleton, memo.assembled);
      // The record read, when it is the same: the journal then has no line for it.
      next.set(SKELETON, skeleton !== undefined && JSON.stringify(skeleton) === JSON.stringify(record) ? skeleton : record);
      saveJournaled(this.cache, "plan", this.keys.plan(path), loaded, next);
    }
  }

  /** The cache keys of a file's memo (its entry and journal), for the sweep. */
  static keysOf(keys: OutputKeys, path: string): string[] {
    return [keys.plan(path), journalKey(keys.plan(path))];
  }
}

function skeletonRecord(skeleton: string, assembled: AssembledMemo | undefined): UnitMemo {
  return { content: skeleton, reads: [], data: assembled?.units ?? "", statements: assembled !== undefined ? [assembled.head, assembled.tail] : [] };
}

// Written by this docgen build only (the key includes its fingerprint): the check guards against
// damaged files, not against other shapes.
function isUnitMemo(value: unknown): value is UnitMemo {
  if (typeof value !== "object" || value === null || !("content" in value && "reads" in value && "data" in value && "statements" in value)) return false;
  return typeof value.content === "string" && Array.isArray(value.reads) && typeof value.data === "string" && Array.isArray(value.statements);
}

const CHECKS = journalChecks(isUnitMemo);
