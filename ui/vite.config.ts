import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// Tauri serves the built files from disk and runs them in the system webview
// (WebKitGTK on Linux), so paths are relative and the target is an older Safari.
export default defineConfig({
  base: "./",
  plugins: [react()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    watch: { ignored: ["**/src-tauri/**"] },
  },
  envPrefix: ["VITE_", "TAURI_ENV_"],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "safari15",
    // One local bundle; the polyfill would only add a fetch() of our own files.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    css: false,
    testTimeout: 20000,
    // Vitest leaves a core to itself by default, which on CI's two cores is one worker; the
    // main process mostly waits, so two workers cut the run by about a third.
    maxWorkers: 2,
  },
});
