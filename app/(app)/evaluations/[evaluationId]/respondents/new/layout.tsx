import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** Sends the browser the messages the respondent form read there, and no others (decision 0024). */
export default function NewRespondentMessagesLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["respondents", "admin.errors", "validation.invalid"]}>{children}</ClientMessages>;
}
