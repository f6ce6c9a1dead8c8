import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig([
  // Bindings are generated from Rust by ts-rs and never edited by hand.
  globalIgnores(["dist", "dist-console", "node_modules", "src/bindings"]),
  {
    files: ["**/*.{ts,tsx}"],
    extends: [
      js.configs.recommended,
      tseslint.configs.recommendedTypeChecked,
      reactHooks.configs.flat["recommended-latest"],
    ],
    languageOptions: {
      ecmaVersion: 2022,
      globals: globals.browser,
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      // Time is read in one place (src/lib/clock.ts), as on the Rust side: a "today" taken
      // anywhere else is a bug waiting for a month end.
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "Read the time with now() from lib/clock, the window's one clock.",
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "Read the time with nowMillis() from lib/clock, the window's one clock.",
        },
        {
          selector: "CallExpression[callee.name='dayjs'][arguments.length=0]",
          message: "Pass the day from lib/clock (dayjs(now())) instead of reading the machine's clock.",
        },
      ],
    },
  },
  {
    // The console is a page in head office's staff's browser: no Tauri, none of the desk's IPC.
    files: ["src/console/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@tauri-apps/*", "../api", "../../api"],
              message: "The console talks to head office over HTTP (console/http.ts), never to a desk.",
            },
          ],
        },
      ],
    },
  },
  {
    // ECharts is the console's; the desk draws its few charts itself and stays small.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/console/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["echarts", "echarts/*"], message: "The desk's charts are in src/charts." }] },
      ],
    },
  },
  {
    files: ["src/lib/clock.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["eslint.config.js"],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
]);
