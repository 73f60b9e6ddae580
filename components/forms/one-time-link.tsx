"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * A link shown once (invitation or account set-up): read-only, selectable, with a copy button.
 * It lives only in this component's state; reloading the page loses it on purpose.
 */
export function OneTimeLink({ id, link, intro }: { id: string; link: string; intro: string }) {
  const t = useTranslations("admin.oneTimeLink");
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    // Bring the new link into view and focus, so keyboard and screen-reader users find it.
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [link]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopyState("copied");
    } catch {
      inputRef.current?.select();
      setCopyState("failed");
    }
  }

  return (
    <div className="notice" role="region" aria-labelledby={`${id}-title`}>
      <h3 className="notice__title" id={`${id}-title`}>
        {t("label")}
      </h3>
      <p>{intro}</p>
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {t("label")}
        </label>
        <p className="field__hint" id={`${id}-hint`}>
          {t("hint")}
        </p>
        <input
          ref={inputRef}
          id={id}
          className="field__input code"
          type="text"
          readOnly
          value={link}
          aria-describedby={`${id}-hint`}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <div className="actions">
        <Button variant="secondary" onClick={copy}>
          {t("copy")}
        </Button>
        <p role="status" className="muted">
          {copyState === "copied" ? t("copied") : copyState === "failed" ? t("copyFailed") : null}
        </p>
      </div>
    </div>
  );
}
