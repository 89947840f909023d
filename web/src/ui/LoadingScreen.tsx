// Placeholder while something the screen needs is on its way: a lazily loaded screen's code (first
// load of /admin) or the restored sign-in session.
export function LoadingScreen({
  label = "Loading…",
  testId = "loading",
}: {
  label?: string;
  testId?: string;
}) {
  return (
    <p className="loading" role="status" data-testid={testId}>
      {label}
    </p>
  );
}
