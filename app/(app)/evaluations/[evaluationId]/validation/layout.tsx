import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** Sends the browser the messages the respondent-validation forms read there, and no others (decision 0024). */
export default function ValidationMessagesLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={["respondentValidation", "admin.errors", "validation", "stories.stages"]}>
      {children}
    </ClientMessages>
  );
}
