/**
 * Sends the browser the message groups its client components under this point read, and no
 * others. Nested providers replace the messages of the outer one (they do not merge), so a list
 * names everything the client components below it read; tests/unit/i18n-client-messages.test.ts
 * reads every layout's list and the client code under it, and fails on a group missing or unused.
 */
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages, type MessageGroup } from "@/lib/i18n/client-messages";

export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly MessageGroup[];
  children: ReactNode;
}) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, namespaces)}>{children}</NextIntlClientProvider>;
}
