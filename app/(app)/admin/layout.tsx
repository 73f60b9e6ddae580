import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** Sends the browser the messages the user administration forms read there, and no others (decision 0024). */
export default function AdminMessagesLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        "admin.createUser",
        "admin.users",
        "admin.twoFactor",
        "admin.oneTimeLink",
        "admin.errors",
        "validation",
      ]}
    >
      {children}
    </ClientMessages>
  );
}
