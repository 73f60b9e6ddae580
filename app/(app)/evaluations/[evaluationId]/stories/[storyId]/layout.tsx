import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** Sends the browser the messages a story's forms: its path, domains and triangulation read there, and no others (decision 0024). */
export default function StoryMessagesLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      namespaces={["stories", "roles", "selection.path", "triangulation", "quotations", "admin.errors", "validation"]}
    >
      {children}
    </ClientMessages>
  );
}
