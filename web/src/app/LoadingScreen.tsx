// Placeholder while a lazily loaded screen's code arrives (first load of /admin).
export function LoadingScreen() {
  return (
    <p className="loading" role="status">
      Loading…
    </p>
  );
}
