/// <reference types="vitest/config" />
// Build, dev server and unit-test setup for the web app. Configuration is validated here too, so
// `vite build` without VITE_FIREBASE_* fails before bundling instead of shipping a broken app.
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, loadEnv, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import { parseWebConfig } from "./src/lib/env.ts";
import { PRECACHE_GLOB_EXTENSIONS, PRECACHE_MAX_BYTES, pwaOptions } from "./pwa.config.ts";

/** Fails the build when an emitted file is too big for Workbox to precache. */
function precacheBudget(): Plugin {
  const precached = new RegExp(`\\.(${PRECACHE_GLOB_EXTENSIONS.join("|")})$`);
  return {
    name: "ideaspark:precache-budget",
    apply: "build",
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (!precached.test(file.fileName)) continue;
        const size = file.type === "chunk" ? file.code.length : file.source.length;
        if (size > PRECACHE_MAX_BYTES) {
          this.error(
            `${file.fileName} is ${size} bytes; Workbox would not precache it. Split or lazy-load it.`,
          );
        }
      }
    },
  };
}

/**
 * Vendor chunks, cached independently of app code. Firestore (with its re2js and WebChannel
 * dependencies) is the biggest piece of the SDK, so it gets a chunk of its own; the shared
 * Firebase core is claimed first so it lands in "firebase" rather than being dragged along.
 */
const vendorGroups = [
  {
    name: "firebase",
    test: /node_modules[\\/](@?firebase[\\/](?!firestore|webchannel-wrapper)|idb[\\/])/,
    priority: 30,
  },
  {
    name: "firestore",
    test: /node_modules[\\/](@?firebase[\\/](firestore|webchannel-wrapper)|re2js)[\\/]/,
    priority: 20,
  },
  {
    name: "react",
    test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/,
    priority: 10,
  },
  // zodWithoutEval rides in zod's chunk so its setting holds before any other chunk builds a
  // schema (a chunk's imports all run before its own code).
  {
    name: "zod",
    test: /node_modules[\\/]zod[\\/]|[\\/]src[\\/]app[\\/]zodWithoutEval\.ts$/,
    priority: 10,
  },
];

export default defineConfig(({ mode }) => {
  if (!process.env.VITEST) {
    // Throws WebConfigError listing every missing VITE_FIREBASE_* variable for this mode.
    parseWebConfig(loadEnv(mode, import.meta.dirname, "VITE_"));
  }
  return {
    plugins: [react(), ...(process.env.VITEST ? [] : [VitePWA(pwaOptions), precacheBudget()])],
    server: { port: 5173, strictPort: true, host: "127.0.0.1" },
    preview: { port: 4173, strictPort: true, host: "127.0.0.1" },
    build: {
      target: "es2022",
      rolldownOptions: { output: { codeSplitting: { groups: vendorGroups } } },
    },
    test: {
      name: "web",
      alias: {
        "virtual:pwa-register/react": fileURLToPath(
          new URL("./src/test/pwaRegisterStub.ts", import.meta.url),
        ),
      },
      environment: "jsdom",
      include: ["src/**/*.test.{ts,tsx}"],
      setupFiles: ["src/test/setup.ts"],
      restoreMocks: true,
    },
  };
});
