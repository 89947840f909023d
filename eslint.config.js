// Lint rules for every workspace. Boundaries are enforced here: only web/src/data may import
// firebase/*, packages/domain may import neither Firebase nor React, and shipped web and
// functions code never imports the domain's test fixtures (@ideaspark/domain/testing).
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

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
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["firebase", "firebase/*", "@firebase/*"],
              message: "Only web/src/data talks to Firebase.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["web/src/data/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The admin area's readers are its own data layer, loaded only with the admin chunk.
    files: ["web/src/features/admin/data/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": "off" },
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
