// Shared jsdom setup for the web unit tests: unmount everything React rendered between tests,
// and give jsdom the scrollTo that react-router's ScrollRestoration calls.
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

window.scrollTo = () => {};

afterEach(() => {
  cleanup();
});
