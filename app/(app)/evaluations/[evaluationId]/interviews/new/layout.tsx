import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** Sends the browser the messages the interview form read there, and no others (decision 0024). */
export default function NewInterviewMessagesLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["fieldwork", "admin.errors", "validation"]}>{children}</ClientMessages>;
}
