import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** Sends the browser the messages the setup forms read there, and no others (decision 0024). */
export default function SetupMessagesLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["setup", "admin.errors", "validation"]}>{children}</ClientMessages>;
}
