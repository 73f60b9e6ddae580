import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** Sends the browser the messages the panel, round, ballot and decision forms read there, and no others (decision 0024). */
export default function SelectionMessagesLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["selection", "admin.errors", "validation"]}>{children}</ClientMessages>;
}
