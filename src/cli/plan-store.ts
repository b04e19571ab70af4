/**
 * The plan memos of generated files (kind "plan"; `emitters/unit-plan.ts`), one entry per file
 * keyed by the settings and the file's path (`OutputKeys.plan`), so that the run after any edit
 * finds the memo of the file's last plan. The memos of a run are written once every file is
 * planned, while the changed chunks render.
 */
import type { PlanMemos } from "../emitters/emit.js";
import type { PlanMemo } from "../emitters/unit-plan.js";
import type { Cache } from "./cache.js";
import type { OutputKeys } from "./output-keys.js";

export class PlanStore implements PlanMemos {
  private readonly pending: Array<{ path: string; memo: PlanMemo }> = [];

  /** `reads`: false to plan without the stored memos (they are still written). */
  constructor(
    private readonly cache: Cache,
    private readonly keys: OutputKeys,
    private readonly reads = true,
  ) {}

  read(path: string): PlanMemo | null {
    return this.reads ? this.cache.readJson("plan", this.keys.plan(path), isPlanMemo) : null;
  }

  write(path: string, memo: PlanMemo | null): void {
    if (memo !== null) this.pending.push({ path, memo });
  }

  /** Writes the memos of the files planned since the last call. */
  store(): void {
    for (const { path, memo } of this.pending.splice(0)) this.cache.writeJson("plan", this.keys.plan(path), memo);
  }
}

// Written by this docgen build only (the key includes its fingerprint): the check guards against
// damaged files, not against other shapes.
function isPlanMemo(value: unknown): value is PlanMemo {
  return typeof value === "object" && value !== null && "skeleton" in value && "units" in value && typeof value.skeleton === "string" && typeof value.units === "object" && value.units !== null;
}
