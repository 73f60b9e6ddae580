import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** Sends the browser the messages a respondent's forms (details, identity, consent, withdrawal) read there, and no others (decision 0024). */
export default function RespondentMessagesLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["respondents", "admin.errors", "validation.invalid"]}>{children}</ClientMessages>;
}
