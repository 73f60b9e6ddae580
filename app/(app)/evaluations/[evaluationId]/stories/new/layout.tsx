import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** Sends the browser the messages the story form read there, and no others (decision 0024). */
export default function NewStoryMessagesLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["stories", "admin.errors", "validation"]}>{children}</ClientMessages>;
}
