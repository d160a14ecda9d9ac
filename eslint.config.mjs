// One lint setup for every workspace. Formatting is Prettier's job (eslint-config-prettier comes last).
import js from "@eslint/js"
import prettier from "eslint-config-prettier"
import { defineConfig } from "eslint/config"
import reactHooks from "eslint-plugin-react-hooks"
import globals from "globals"
import tseslint from "typescript-eslint"

export default defineConfig(
  {
    ignores: [
      "**/node_modules/**",
      "**/.medusa/**",
      "**/.data/**",
      "**/.cache/**",
      "**/build/**",
      "**/dist/**",
      "**/static/**",
      "**/uploads/**",
      "**/.tmp/**",
      // The admin's production build for the tests (scripts/lib/stack.mjs, buildAdmin).
      "public/**",
      "**/test-results/**",
      "**/migrations/**",
      // A link to admin-extensions/src, linted there.
      "plugin/src/admin/**",
    ],
  },
  // A disable comment that no longer disables anything is stale: fail on it.
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  js.configs.recommended,
  // Syntax-only rules (no type information) keep lint fast; tsc already checks the types.
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
      // `catch {}` is how best-effort clean-up says "ignore a failure here".
      "no-empty": ["error", { allowEmptyCatch: true }],
      // Sanitising file names and CSV cells means matching control characters on purpose.
      "no-control-regex": "off",
    },
  },
  {
    files: ["integration-tests/**"],
    // Tests read loosely shaped JSON responses; typing each one adds noise, not safety.
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["storefront/app/**/*.{ts,tsx}", "admin-extensions/src/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["**/*.tsx"],
    // Only the two classic hook rules: v7's React Compiler rules flag deliberate effects (reset on customer change, map start-up).
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  prettier
)
