import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** Sends the browser the messages an interview's form and transcript read there, and no others (decision 0024). */
export default function InterviewMessagesLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["fieldwork", "admin.errors", "validation"]}>{children}</ClientMessages>;
}
