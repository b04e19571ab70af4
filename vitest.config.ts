import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // CLI runs in tests stay in their own process; daemon.test.ts asks for the background process.
    env: { DOCGEN_DAEMON: "0" },
  },
});
