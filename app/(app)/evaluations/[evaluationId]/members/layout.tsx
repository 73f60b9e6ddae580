import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** Sends the browser the messages the member and invitation forms read there, and no others (decision 0024). */
export default function MemberMessagesLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={["members", "roles", "admin.oneTimeLink", "admin.errors", "validation"]}>
      {children}
    </ClientMessages>
  );
}
