/**
 * A generated file: its path in the output folder and its text, and, when it was made from bytes
 * (the CLI's cached files and chunks), the text as UTF-8. A module of its own, without emitters:
 * the CLI makes files from its cache in runs that load no emitter.
 */

export interface GeneratedFile {
  /** Path relative to the output folder, with forward slashes (`beta/interfaces.ts`). */
  path: string;
  content: string;
  /**
   * The content as UTF-8, when the file was made from bytes (`fileOfBytes`: the CLI's cached files
   * and chunks): compared and written as is. Not enumerable: a file compares and serialises as its
   * path and content.
   */
  bytes?: Uint8Array;
}

/**
 * A file made from its UTF-8 bytes: compared and written as they are, decoded only if its content
 * is asked for. The bytes are not enumerable, so the file compares and serialises as its path and
 * content, as any other.
 */
export function fileOfBytes(path: string, bytes: Uint8Array): GeneratedFile {
  let content: string | null = null;
  const file = {
    path,
    get content(): string {
      return (content ??= Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
    },
  };
  return Object.defineProperty(file, "bytes", { value: bytes, enumerable: false });
}
