// The frame that lets a wide admin table scroll sideways on a narrow screen. It is a Tab stop, so
// a keyboard can scroll it too, and is named after its table for whoever lands on it.
import type { ReactNode } from "react";

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="admin-table-wrap" role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
