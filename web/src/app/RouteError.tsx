// Last-resort screen when rendering a route throws, or its lazily loaded code cannot be fetched.
import { isRouteErrorResponse, useRouteError } from "react-router";
import { useDocumentTitle } from "../ui/useDocumentTitle";

export function RouteError() {
  const error = useRouteError();
  useDocumentTitle("Something went wrong");
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : undefined;
  return (
    <main className="route-error" data-testid="route-error">
      <h1>Something went wrong</h1>
      <p>This page could not be shown. Reloading usually helps; your saved sparks are safe.</p>
      {detail && <pre className="route-error-detail">{detail}</pre>}
      <button type="button" className="button button-primary" onClick={() => location.reload()}>
        Reload
      </button>
    </main>
  );
}
