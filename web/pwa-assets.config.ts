// Icon generation for the PWA (`npm run icons -w web`): every PNG/ICO under public/ comes from
// public/logo.svg, offline, and the outputs are committed so builds never depend on sharp.
import { defineConfig, minimal2023Preset } from "@vite-pwa/assets-generator/config";

export default defineConfig({
  headLinkOptions: { preset: "2023" },
  preset: {
    ...minimal2023Preset,
    // Maskable and Apple icons are cropped by the platform, so they go full-bleed: the spark
    // stays inside the 80% safe zone and the tile's rounded corners are filled with the
    // gradient's middle colour.
    maskable: {
      sizes: [512],
      padding: 0,
      resizeOptions: { background: "#6640e9" },
    },
    apple: {
      sizes: [180],
      padding: 0,
      resizeOptions: { background: "#6640e9" },
    },
  },
  images: ["public/logo.svg"],
});
