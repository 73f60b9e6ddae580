"use client";

import type { Ref } from "react";
import type { FieldErrors } from "@/lib/field-errors";
import { hasRuntimeKey } from "@/lib/i18n/labels";
import { dynamic, fieldId, fieldLabelKey, type StoriesT } from "./form-types";
import styles from "./stories.module.css";

/** "figures.2.label" → "Figures, 3: Label"; "title" → "Title". */
function labelOf(path: string, t: StoriesT): string {
  const [head = "", index, leaf] = path.split(".");
  const base = fieldLabelKey(head);
  const name = hasRuntimeKey(t, base) ? dynamic(t, base) : head;
  if (index === undefined) return name;
  const leafKey =
    head === "figures"
      ? `figure.${leaf}`
      : head === "contributions"
        ? `contribution.${leaf === "projectId" ? "project" : "how"}`
        : null;
  const leafName = leafKey && hasRuntimeKey(t, leafKey) ? `: ${dynamic(t, leafKey)}` : "";
  return `${name}, ${Number(index) + 1}${leafName}`;
}

/** Every problem at the top of the form, each linking to its field; focused after a failed save. */
export function ErrorSummary(props: {
  ref: Ref<HTMLDivElement>;
  errors: FieldErrors;
  formError: string | null;
  error: (path: string) => string | null;
  t: StoriesT;
}) {
  const { errors, formError, error, t } = props;
  const paths = Object.keys(errors).filter((path) => path !== "_form");
  const count = paths.length + (formError ? 1 : 0);
  return (
    <div
      ref={props.ref}
      tabIndex={-1}
      className={count ? styles.errorSummary : undefined}
      role={count ? "alert" : undefined}
      aria-labelledby={count ? "story-form-error-title" : undefined}
    >
      {count ? (
        <>
          <h2 id="story-form-error-title">{t("form.errorSummary", { count })}</h2>
          <ul>
            {formError ? <li id="story-form-error">{formError}</li> : null}
            {paths.map((path) => (
              <li key={path}>
                <a
                  href={`#${fieldId(path)}`}
                  onClick={(event) => {
                    const target =
                      document.getElementById(fieldId(path)) ?? document.getElementById(fieldId(path.split(".")[0]!));
                    if (target) {
                      event.preventDefault();
                      target.focus();
                    }
                  }}
                >
                  {labelOf(path, t)}: {error(path)}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
