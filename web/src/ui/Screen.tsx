// The frame every screen shares: one h1 (also the document title; focused after a route change,
// see app/RouteFocus.tsx) and an optional lead line.
import type { ReactNode } from "react";
import { useDocumentTitle } from "./useDocumentTitle";

interface ScreenProps {
  title: string;
  /** Document title when it should differ from the heading. */
  documentTitle?: string;
  lead?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  testId?: string;
}

export function Screen({ title, documentTitle, lead, actions, children, testId }: ScreenProps) {
  useDocumentTitle(documentTitle ?? title);
  return (
    <section className="screen" aria-labelledby="screen-title" data-testid={testId}>
      <header className="screen-header">
        <div>
          <h1 id="screen-title" tabIndex={-1}>
            {title}
          </h1>
          {lead && <p className="screen-lead">{lead}</p>}
        </div>
        {actions && <div className="screen-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}
