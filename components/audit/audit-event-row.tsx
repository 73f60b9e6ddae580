import { getFormatter, getTranslations } from "next-intl/server";
import type { AuditEventRow } from "@/lib/audit-trail/data";
import { recordNounKey, sentenceKey } from "@/lib/audit-trail/sentences";

type Props = { event: AuditEventRow; actorName: string | null; recordLabel: string | null };

const json = (value: unknown) => (value === null || value === undefined ? "—" : JSON.stringify(value, null, 1));

/**
 * One event as a sentence ("Mariana Quiroga revealed the identity of R-0014"), with the raw
 * record one click away: the action, the record's type and id, who, from where, and the fields
 * before and after, exactly as stored.
 */
export async function AuditEventRowView({ event, actorName, recordLabel }: Props) {
  const [t, format] = await Promise.all([getTranslations("audit"), getFormatter()]);
  // Keys built at run time; the messages test holds every action of the code to a sentence.
  const say = t as unknown as ((key: string, values?: Record<string, string>) => string) & {
    has: (key: string) => boolean;
  };
  const actor = event.actorId ? (actorName ?? say("someone")) : say("system");
  const record = recordLabel ?? say(`records.${recordNounKey(event.recordType)}`);
  const key = `sentences.${sentenceKey(event.action)}`;
  const sentence = say.has(key)
    ? say(key, { actor, record })
    : say("sentences.other", { actor, record, action: event.action });
  const sequence = event.sequence.toString();
  return (
    <tr>
      <td className="code">{sequence}</td>
      <td>
        <time dateTime={event.createdAt.toISOString()}>
          {format.dateTime(event.createdAt, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" })}
        </time>
      </td>
      <td>{sentence}</td>
      <td>
        <details className="audit-raw">
          <summary>{t("raw.show", { sequence })}</summary>
          <dl>
            <dt>{t("raw.action")}</dt>
            <dd className="code">{event.action}</dd>
            <dt>{t("raw.recordType")}</dt>
            <dd className="code">{event.recordType}</dd>
            <dt>{t("raw.recordId")}</dt>
            <dd className="code">{event.recordId ?? "—"}</dd>
            <dt>{t("raw.actor")}</dt>
            <dd className="code">{event.actorId ?? "—"}</dd>
            <dt>{t("raw.ipAddress")}</dt>
            <dd className="code">{event.ipAddress ?? "—"}</dd>
            <dt>{t("raw.before")}</dt>
            <dd>
              <pre className="code audit-changes">{json(event.before)}</pre>
            </dd>
            <dt>{t("raw.after")}</dt>
            <dd>
              <pre className="code audit-changes">{json(event.after)}</pre>
            </dd>
          </dl>
        </details>
      </td>
    </tr>
  );
}
