// One admin section as a placeholder that says what it will hold.
import { EmptyState } from "../../ui/EmptyState";
import { Screen } from "../../ui/Screen";
import type { AdminSectionInfo } from "./adminSections";

export function AdminSection({ section }: { section: AdminSectionInfo }) {
  return (
    <Screen title={`Admin · ${section.title}`}>
      <EmptyState title={`${section.title} is on its way`}>
        <p>{section.description}</p>
      </EmptyState>
    </Screen>
  );
}
