"use client";

import { useTranslations } from "next-intl";
import { useLocale } from "@/lib/i18n/use-locale";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ListSection } from "@/components/ui/list-section";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { deleteDomain, reorderDomains, restoreDomain, retireDomain } from "@/lib/domains/actions";
import { DomainForm, type DomainRow } from "./domain-form";
import { RetireButtons, STATUS } from "./retire-buttons";
import { useSavedStatus } from "./use-saved-status";
import styles from "./setup.module.css";

type Props = { evaluationId: string; languages: ReadonlyArray<"ES" | "EN">; domains: DomainRow[] };

/**
 * The domains in their order, each movable up and down with buttons (keyboard and mouse alike;
 * focus stays on the moved domain's button and the new place is announced), editable in place,
 * retired, restored or, when nothing names it, deleted.
 */
export function DomainList({ evaluationId, languages, domains }: Props) {
  const t = useTranslations("setup");
  const locale = useLocale();
  const router = useRouter();
  const [order, setOrder] = useState(() => domains.map((domain) => domain.id));
  const [shown, setShown] = useState(domains);
  const [editing, setEditing] = useState<string | null>(null);
  const [refocus, setRefocus] = useState<string | null>(null);
  if (shown !== domains) {
    // A refresh brought the saved state (ours or someone else's): show it.
    setShown(domains);
    setOrder(domains.map((domain) => domain.id));
  }

  const byId = new Map(domains.map((domain) => [domain.id, domain]));
  const nameOf = (domain: DomainRow) => (locale === "en" ? domain.nameEn : domain.nameEs);
  const saved = useSavedStatus();
  const options = saved.rowAction;
  const run = saved.run;
  const reorder = useActionForm(reorderDomains, {
    ...options,
    onFailure: () => (setOrder(domains.map((domain) => domain.id)), router.refresh()),
  });
  const retire = useActionForm(retireDomain, options);
  const restore = useActionForm(restoreDomain, options);
  const remove = useActionForm(deleteDomain, options);
  const changes = { retire, restore, delete: remove };
  const busy = reorder.busy || retire.busy || restore.busy || remove.busy;

  useEffect(() => {
    if (!refocus) return;
    const button = document.getElementById(refocus) as HTMLButtonElement | null;
    const fallback = document.getElementById(
      refocus.endsWith("-up") ? refocus.replace(/-up$/, "-down") : refocus.replace(/-down$/, "-up"),
    );
    (button && !button.disabled ? button : fallback)?.focus();
    setRefocus(null);
  }, [refocus, order]);

  // The move buttons stay enabled while a move is saved (a disabled button would drop the
  // keyboard's focus); a press meanwhile is ignored.
  function move(id: string, delta: -1 | 1) {
    const from = order.indexOf(id);
    const to = from + delta;
    if (busy || to < 0 || to >= order.length) return;
    const next = [...order];
    [next[from], next[to]] = [next[to]!, next[from]!];
    const seen = order;
    setOrder(next);
    setRefocus(`domain-${id}-${delta < 0 ? "up" : "down"}`);
    run(
      reorder,
      { evaluationId, order: next, seenOrder: seen },
      t("domains.moved", { name: nameOf(byId.get(id)!), position: to + 1, count: next.length }),
    );
  }

  const error = reorder.formError ?? retire.formError ?? restore.formError ?? remove.formError;
  return (
    <ListSection
      titleId="domains-list-title"
      title={t("domains.listLabel")}
      status={saved.status}
      error={error}
      empty={order.length === 0 ? t("domains.empty") : null}
    >
      <ol className={styles.domains} aria-labelledby="domains-list-title">
        {order.map((id, index) => {
          const domain = byId.get(id);
          if (!domain) return null;
          const name = nameOf(domain);
          const version = { evaluationId, domainId: domain.id, expectedVersion: domain.version };
          return (
            <li
              key={id}
              className={[styles.domain, domain.retired ? styles.domainRetired : null].filter(Boolean).join(" ")}
            >
              <h3 className={styles.domainHeading}>
                {t("domains.position", { position: index + 1 })} · {name}
              </h3>
              <p className="muted" lang={locale === "en" ? "es" : "en"}>
                {locale === "en" ? domain.nameEs : domain.nameEn}
              </p>
              <div className={styles.badges}>
                {domain.isOther ? <span className="tag">{t("domains.other")}</span> : null}
                {domain.retired ? <span className="tag">{t("domains.retired")}</span> : null}
                {domain.inUse ? <span className="tag">{t("domains.inUse")}</span> : null}
              </div>
              <p className={styles.definition}>
                {(locale === "en" ? domain.definitionEn : domain.definitionEs) ?? t("domains.noDefinition")}
              </p>
              {editing === id ? (
                <DomainForm
                  evaluationId={evaluationId}
                  languages={languages}
                  domain={domain}
                  onSaved={(name) => {
                    setEditing(null);
                    saved.say(t("domains.updatedStatus", { name }));
                  }}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <div className="row-actions">
                  <Button
                    variant="secondary"
                    id={`domain-${id}-up`}
                    disabled={index === 0}
                    onClick={() => move(id, -1)}
                  >
                    {t("domains.moveUp", { name })}
                  </Button>
                  <Button
                    variant="secondary"
                    id={`domain-${id}-down`}
                    disabled={index === order.length - 1}
                    onClick={() => move(id, 1)}
                  >
                    {t("domains.moveDown", { name })}
                  </Button>
                  <Button variant="secondary" onClick={() => setEditing(id)}>
                    {t("domains.edit", { name })}
                  </Button>
                  <RetireButtons
                    retired={domain.retired}
                    inUse={domain.inUse}
                    words={(key) => t(`domains.${key}`, { name })}
                    busy={{ retire: retire.busy, restore: restore.busy, delete: remove.busy }}
                    onChange={(change) => run(changes[change], version, t(`domains.${STATUS[change]}`, { name }))}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <DomainForm
        evaluationId={evaluationId}
        languages={languages}
        onSaved={(name) => saved.say(t("domains.createdStatus", { name }))}
      />
    </ListSection>
  );
}
