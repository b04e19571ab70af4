/** Request functions: placeholder until the request emitter lands. */
import type { Emitter } from "./context.js";

export const emitRequests: Emitter = (_ctx, file) => {
  file.addStatements("export {};");
};
