import type { LinkDelivery } from "@/lib/mail/delivery";

/** The link of a delivery that was shown to its creator (no mail server set up in the test). */
export function shownLink(delivery: LinkDelivery): string {
  if (delivery.kind !== "SHOWN") throw new Error(`expected the link to be shown, but it was ${delivery.kind}`);
  return delivery.link;
}
