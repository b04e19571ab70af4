/** JSON Pointer (RFC 6901) escaping of one key: `~` → `~0`, `/` → `~1`. Shared by the parser's positions, the model's example checks and the validators' paths. */
export function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
