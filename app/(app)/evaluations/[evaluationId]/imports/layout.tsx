import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/**
 * Sends the browser the messages the import wizard reads there, and no others (decision 0024):
 * its own, and those the form hook falls back on (`admin.errors`, `validation.invalid`).
 */
export default function ImportMessagesLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["imports", "admin.errors", "validation.invalid"]}>{children}</ClientMessages>;
}
