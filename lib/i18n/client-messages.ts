/**
 * The part of the interface messages that goes to the browser. Server components translate on the
 * server (getTranslations) and need nothing sent; client components read their messages from the
 * nearest <ClientMessages> above them, which sends only the groups it lists (decision 0024).
 */
import type { Messages, NestedKeyOf } from "next-intl";

/** A group of messages, or one message, that may be sent: "signIn", "admin.errors", "setup.errors.sourceRequired". */
export type MessageGroup = NestedKeyOf<Messages>;

type MessageTree = { [key: string]: string | MessageTree };

/** The listed groups of `messages`, nested as in the catalogue; "a.b" and "a.c" share one "a". */
export function pickMessages(messages: MessageTree, groups: readonly string[]): MessageTree {
  const picked: MessageTree = {};
  // Shorter first, so that a group inside one already sent whole is skipped, not copied twice.
  const ordered = [...new Set(groups)].sort((a, b) => a.split(".").length - b.split(".").length);
  const sent: string[] = [];
  for (const group of ordered) {
    if (sent.some((whole) => group.startsWith(`${whole}.`))) continue;
    sent.push(group);
    const parts = group.split(".");
    let source: MessageTree = messages;
    let target: MessageTree = picked;
    parts.forEach((part, index) => {
      const value = Object.hasOwn(source, part) ? source[part] : undefined;
      if (value === undefined || (index < parts.length - 1 && typeof value !== "object"))
        throw new Error(`No message group "${group}"`);
      if (index === parts.length - 1) {
        target[part] = value;
        return;
      }
      source = value as MessageTree;
      target = (target[part] ??= {}) as MessageTree;
    });
  }
  return picked;
}
