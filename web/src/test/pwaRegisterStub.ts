// Unit tests run without vite-plugin-pwa, so its virtual module is aliased here; tests that care
// about service-worker news replace it with vi.mock.
import type { useRegisterSW as UseRegisterSW } from "virtual:pwa-register/react";

export const useRegisterSW: typeof UseRegisterSW = () => ({
  needRefresh: [false, () => {}],
  offlineReady: [false, () => {}],
  updateServiceWorker: () => Promise.resolve(),
});
