import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** Sends the browser the messages the learnings' forms read there, and no others (decision 0024). */
export default function LearningMessagesLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["learnings", "admin.errors", "validation"]}>{children}</ClientMessages>;
}
