import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** Sends the browser the messages the reviewer's decision form read there, and no others (decision 0024). */
export default function ReviewMessagesLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["reviews", "admin.errors", "validation"]}>{children}</ClientMessages>;
}
