import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** Sends the browser the messages the two-factor forms read there, and no others (decision 0024). */
export default function AccountMessagesLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["account.twoFactor", "admin.errors", "validation"]}>{children}</ClientMessages>;
}
