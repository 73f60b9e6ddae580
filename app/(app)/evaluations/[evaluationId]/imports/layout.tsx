import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** Sends the browser the messages the import wizard read there, and no others (decision 0024). */
export default function ImportMessagesLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["imports"]}>{children}</ClientMessages>;
}
