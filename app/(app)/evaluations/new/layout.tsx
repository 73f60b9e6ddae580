import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** Sends the browser the messages the new-evaluation form read there, and no others (decision 0024). */
export default function NewEvaluationMessagesLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        "admin.newEvaluation",
        "admin.oneTimeLink",
        "languageNames",
        "setup.errors.sourceRequired",
        "admin.errors",
        "validation",
      ]}
    >
      {children}
    </ClientMessages>
  );
}
