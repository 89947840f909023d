// Leaving the single-page app for another document (a full page load), in one place, so tests
// can watch the hand-over without redefining window.location.
export function loadDocument(url: string): void {
  window.location.assign(url);
}
