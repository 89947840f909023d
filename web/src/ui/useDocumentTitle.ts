// Keeps the tab / task-switcher title in step with the screen on show.
import { useEffect } from "react";

export const APP_NAME = "IdeaSpark";

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title === APP_NAME ? APP_NAME : `${title} · ${APP_NAME}`;
  }, [title]);
}
