// Lint rules for every workspace. Boundaries are enforced here: only web/src/data may import
// firebase/*, only the shell (web/src/app) imports web/src/app, packages/domain may import
// neither Firebase nor React, and shipped web and functions code never imports the domain's test
// fixtures (@ideaspark/domain/testing).
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const firebaseImports = {
  group: ["firebase", "firebase/*", "@firebase/*"],
  message: "Only web/src/data talks to Firebase.",
};
const shellImports = {
  regex: "^(\\.\\./)+app(/|$)",
  message: "Only the shell imports app/: move what is shared to state/, ui/ or lib/.",
};

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/dev-dist/**",
      "**/coverage/**",
      ".cache/**",
      ".emulator-data/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["packages/domain/src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["firebase", "firebase/*", "firebase-*", "@firebase/*"],
              message: "domain has no Firebase.",
            },
            { group: ["react", "react-dom", "react/*"], message: "domain has no React." },
          ],
        },
      ],
    },
  },
  {
    files: ["web/src/**/*.{ts,tsx}"],
    ignores: ["web/src/data/**"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "no-restricted-imports": ["error", { patterns: [firebaseImports] }],
    },
  },
  {
    // Web layering: app/ is the shell (routes, layout, guards) and imports the rest; features,
    // ui, lib, data and state never import app/ (shared state lives in state/).
    files: ["web/src/{features,ui,lib,state}/**/*.{ts,tsx}"],
    ignores: ["web/src/features/admin/data/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [firebaseImports, shellImports] }] },
  },
  {
    files: ["web/src/data/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The data layers talk to Firebase (the admin area's readers are its own, loaded only with
    // the admin chunk) but not to the shell either.
    files: ["web/src/data/**/*.{ts,tsx}", "web/src/features/admin/data/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [shellImports] }] },
  },
  {
    // Test fixtures stay out of shipped code. The typescript-eslint variant of the rule is used
    // so this composes with the per-area no-restricted-imports above instead of replacing it.
    files: ["web/src/**/*.{ts,tsx}", "functions/src/**/*.ts"],
    ignores: ["**/*.test.{ts,tsx}", "web/src/test/**", "**/testSparks.ts", "**/*Fakes.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@ideaspark/domain/testing", "@ideaspark/domain/src/fixtures/*"],
              message: "Test fixtures are for tests; production code imports @ideaspark/domain.",
            },
          ],
        },
      ],
    },
  },
);
