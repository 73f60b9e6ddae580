import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** Sends the browser the messages the focus-group form read there, and no others (decision 0024). */
export default function NewFocusGroupMessagesLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["fieldwork", "admin.errors", "validation"]}>{children}</ClientMessages>;
}
