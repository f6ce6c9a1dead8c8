import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Head office's web console: served by head office itself under /console/ (embedded in its
// binary), opened in the staff's own browser, so the target is a current Chromium/Edge/Firefox.
// `npm run dev:console` proxies the API to a head office started with `make run`.
export default defineConfig({
  root: "console",
  base: "/console/",
  plugins: [react()],
  clearScreen: false,
  server: {
    port: 1421,
    strictPort: true,
    proxy: { "/api": "http://127.0.0.1:8787" },
  },
  build: {
    outDir: "../dist-console",
    emptyOutDir: true,
    target: "chrome111",
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
  },
});
