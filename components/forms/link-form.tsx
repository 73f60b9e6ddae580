"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm, type FieldOrder } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/actions";
import type { LinkDelivery } from "@/lib/mail/delivery";
import { LinkDeliveryNotice } from "./link-delivery-notice";
import { Section } from "@/components/ui/section";

type Sent = { email: string; delivery: LinkDelivery };
/** What such a form sends: the address the link goes to, and its own fields. */
type LinkFormInput = { email: string } & Record<string, unknown>;

/**
 * A form that sends someone a link (a new account, an invitation): after each success the form is
 * emptied for the next person, the list is read again and what became of the link is kept to show.
 */
export function useLinkForm(
  action: (input: LinkFormInput) => Promise<ActionResult<{ delivery: LinkDelivery }>>,
  { focus, onSent }: { focus: FieldOrder; onSent?: () => void },
) {
  const router = useRouter();
  const [sent, setSent] = useState<Sent | null>(null);
  const form = useActionForm(action, {
    focus,
    onStart: () => setSent(null),
    onSuccess: (data, input) => {
      setSent({ email: input.email.trim(), delivery: data.delivery });
      form.formRef.current?.reset();
      onSent?.();
      router.refresh();
    },
  });
  return { ...form, sent };
}

type LinkFormSectionProps = {
  /** `${id}-title`, `${id}-error` and `${id}-link` name the heading, the message and the link. */
  id: string;
  /** Where its words are: title, intro, submit, submitting, and created ({email}). */
  messages: "admin.createUser" | "members.invite";
  form: ReturnType<typeof useLinkForm>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
};

/** The section of a page that holds a link form: heading, intro, the form, then the link sent. */
export function LinkFormSection({ id, messages, form, onSubmit, children }: LinkFormSectionProps) {
  const t = useTranslations(messages);
  return (
    <Section id={`${id}-title`} title={t("title")} description={t("intro")}>
      <ActionForm form={form} messageId={`${id}-error`} onSubmit={onSubmit}>
        {children}
        <SubmitButton busy={form.busy} busyLabel={t("submitting")}>
          {t("submit")}
        </SubmitButton>
      </ActionForm>
      {form.sent ? (
        <LinkDeliveryNotice
          id={`${id}-link`}
          delivery={form.sent.delivery}
          intro={t("created", { email: form.sent.email })}
        />
      ) : null}
    </Section>
  );
}
