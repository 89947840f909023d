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

/** The site's public address for canonical and social tags: VITE_SITE_URL, else Hosting's own. */
export function siteUrl(env: Record<string, string | undefined>): string {
  const url = env.VITE_SITE_URL ?? `https://${env.VITE_FIREBASE_PROJECT_ID}.web.app`;
  return url.replace(/\/+$/, "");
}

/**
 * The landing page is its own static HTML entry (welcome.html), served at /welcome: Hosting
 * rewrites it (firebase.json), the service worker finds it in its precache (clean URLs), and
 * this plugin does the same for the dev and preview servers. It also fills in `%SITE_URL%` and
 * `%BUILD_ID%` (IDEASPARK_BUILD_ID, e.g. a commit, so a deploy's pages say which build they are).
 */
function landingPage(url: string): Plugin {
  const rewrite = (req: { url?: string }, _res: unknown, next: () => void) => {
    const [path, query] = (req.url ?? "").split("?", 2);
    if (path === "/welcome" || path === "/welcome/") {
      req.url = `/welcome.html${query ? `?${query}` : ""}`;
    }
    next();
  };
  return {
    name: "ideaspark:landing-page",
    configureServer(server) {
      server.middlewares.use(rewrite);
    },
    configurePreviewServer(server) {
      server.middlewares.use(rewrite);
    },
    transformIndexHtml(html) {
      return html
        .replaceAll("%SITE_URL%", url)
        .replaceAll("%BUILD_ID%", process.env.IDEASPARK_BUILD_ID ?? "local");
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
  const env = loadEnv(mode, import.meta.dirname, "VITE_");
  // Validated here, once: throws WebConfigError listing every missing VITE_FIREBASE_* variable
  // for this mode, so a broken build never ships. The app reads the result as a constant
  // (src/data/firebase.ts), which keeps the schema code out of its first download.
  const webConfig = process.env.VITEST ? null : parseWebConfig(env);
  return {
    define: { __IDEASPARK_WEB_CONFIG__: JSON.stringify(webConfig) },
    plugins: [
      react(),
      landingPage(siteUrl(env)),
      ...(process.env.VITEST ? [] : [VitePWA(pwaOptions), precacheBudget()]),
    ],
    server: { port: 5173, strictPort: true, host: "127.0.0.1" },
    preview: { port: 4173, strictPort: true, host: "127.0.0.1" },
    build: {
      target: "es2022",
      rolldownOptions: {
        input: {
          app: fileURLToPath(new URL("./index.html", import.meta.url)),
          welcome: fileURLToPath(new URL("./welcome.html", import.meta.url)),
        },
        output: { codeSplitting: { groups: vendorGroups } },
      },
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
