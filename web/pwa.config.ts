// The PWA surface: web app manifest (install UI, shortcuts, screenshots) and the Workbox service
// worker that precaches the app shell so IdeaSpark opens offline.
import type { VitePWAOptions } from "vite-plugin-pwa";

/** Workbox skips (and only warns about) bigger files, which silently breaks offline start. */
export const PRECACHE_MAX_BYTES = 2 * 1024 * 1024;

/** File types precached as the app shell (source maps and screenshots stay out). */
export const PRECACHE_GLOB_EXTENSIONS = [
  "js",
  "css",
  "html",
  "svg",
  "png",
  "ico",
  "webmanifest",
  "woff2",
];

const THEME_COLOR = "#4f46e5";

export const pwaOptions: Partial<VitePWAOptions> = {
  registerType: "prompt",
  strategies: "generateSW",
  // The glob below already precaches every icon; listing them again only duplicates entries.
  includeManifestIcons: false,
  manifest: {
    id: "/",
    name: "IdeaSpark",
    short_name: "IdeaSpark",
    description:
      "Describe what you need ideas for and get a set of structured, actionable ideas, streamed as they are written.",
    lang: "en",
    dir: "ltr",
    start_url: "/",
    scope: "/",
    display: "standalone",
    theme_color: THEME_COLOR,
    background_color: "#f8fafc",
    categories: ["productivity", "business", "utilities"],
    icons: [
      { src: "/pwa-64x64.png", sizes: "64x64", type: "image/png" },
      { src: "/pwa-192x192.png", sizes: "192x192", type: "image/png" },
      { src: "/pwa-512x512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      {
        src: "/maskable-icon-512x512.png",
        sizes: "512x512",
        type: "image/png",
        purpose: "maskable",
      },
    ],
    shortcuts: [
      {
        name: "New spark",
        short_name: "New",
        description: "Write a brief and get ideas",
        url: "/spark",
        icons: [{ src: "/pwa-192x192.png", sizes: "192x192", type: "image/png" }],
      },
      {
        name: "History",
        description: "Your past sparks, also offline",
        url: "/history",
        icons: [{ src: "/pwa-192x192.png", sizes: "192x192", type: "image/png" }],
      },
    ],
    // The signed-in app with the demo account's sparks, captured by `npm run screenshots`
    // (tools/screenshots/capture.ts).
    screenshots: [
      {
        src: "/screenshots/home-narrow.png",
        sizes: "750x1334",
        type: "image/png",
        form_factor: "narrow",
        label: "Your recent sparks and this month's usage on a phone",
      },
      {
        src: "/screenshots/spark-narrow.png",
        sizes: "750x1334",
        type: "image/png",
        form_factor: "narrow",
        label: "A spark's ideas, each with steps and effort, ready to star, copy or share",
      },
      {
        src: "/screenshots/home-wide.png",
        sizes: "1280x800",
        type: "image/png",
        form_factor: "wide",
        label: "IdeaSpark home on a desktop",
      },
      {
        src: "/screenshots/history-wide.png",
        sizes: "1280x800",
        type: "image/png",
        form_factor: "wide",
        label: "Every past spark, searchable, also offline",
      },
    ],
  },
  workbox: {
    globPatterns: [`**/*.{${PRECACHE_GLOB_EXTENSIONS.join(",")}}`],
    // Screenshots only matter to the install dialog, which fetches them itself.
    globIgnores: ["screenshots/**"],
    navigateFallback: "/index.html",
    // Firebase Hosting reserves /__/ (init.js, auth handler): always go to the network. /welcome
    // is the static landing page, found in the precache as welcome.html (clean URLs), never the
    // app's index.html.
    navigateFallbackDenylist: [/^\/__\//, /^\/welcome\/?$/],
    // Precache lookups ignore every query parameter: a campaign link's utm_* / ref must not make
    // /welcome?ref=… miss the precached landing page.
    ignoreURLParametersMatching: [/./],
    cleanupOutdatedCaches: true,
    maximumFileSizeToCacheInBytes: PRECACHE_MAX_BYTES,
  },
  devOptions: { enabled: false },
};
