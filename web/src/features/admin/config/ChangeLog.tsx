// The newest configuration changes: who, when, and each changed key's value before and after.
import { formatDate } from "../../../lib/format";
import { CHANGE_LOG_LENGTH } from "../data/limits";
import { keyChanges } from "./changeLog";
import { useConfigChanges } from "./useConfigChanges";

export function ChangeLog() {
  const changes = useConfigChanges();
  return (
    <section className="panel" aria-labelledby="change-log-title" data-testid="change-log">
      <h2 id="change-log-title">Change log</h2>
      <p className="panel-lead">The last {CHANGE_LOG_LENGTH} saves, newest first.</p>
      {changes.status === "loading" && <p role="status">Loading the change log…</p>}
      {changes.status === "error" && (
        <p className="form-alert" role="alert">
          The change log could not be loaded: {changes.error.message}
        </p>
      )}
      {changes.status === "ready" && changes.data.length === 0 && (
        <p data-testid="change-log-empty">No changes have been saved yet.</p>
      )}
      {changes.status === "ready" && changes.data.length > 0 && (
        <ol className="change-list">
          {changes.data.map(({ id, change }) => (
            <li key={id} data-testid="change-log-entry" data-id={id}>
              <p className="change-heading">
                <strong>{change.byEmail ?? change.by}</strong>,{" "}
                {formatDate(change.at, { dateStyle: "medium", timeStyle: "medium" })}
              </p>
              <table className="change-table">
                <thead>
                  <tr>
                    <th scope="col">Setting</th>
                    <th scope="col">Before</th>
                    <th scope="col">After</th>
                  </tr>
                </thead>
                <tbody>
                  {keyChanges(change).map((row) => (
                    <tr key={row.key} data-testid="change-log-key" data-key={row.key}>
                      <th scope="row">
                        <code>{row.key}</code>
                      </th>
                      <td data-testid="change-before">{row.before}</td>
                      <td data-testid="change-after">{row.after}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
