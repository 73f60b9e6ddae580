"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { setupFailureMessages } from "./failure-messages";

/**
 * What a set-up list says after a change, in its status line. The sentence is chosen when the
 * change is sent (it names the record) and shown, with the list read again, once the server has
 * said yes; a refusal reads the list again too, since someone else may have changed it.
 */
export function useSavedStatus(onDone?: () => void) {
  const router = useRouter();
  const [status, setStatus] = useState<string | null>(null);
  const next = useRef("");
  const clear = () => setStatus(null);
  /** Says `sentence` now and reads the list again (a form that saved and named what it saved). */
  const say = (sentence: string) => {
    setStatus(sentence);
    onDone?.();
    router.refresh();
  };
  const done = () => say(next.current);
  return {
    status,
    clear,
    done,
    say,
    /** The sentence to show if the change about to be sent succeeds. */
    announce: (sentence: string) => void (next.current = sentence),
    /** useActionForm's options for a row's button: the last message goes when a new press starts. */
    rowAction: {
      clearOnStart: true,
      failureMessages: setupFailureMessages,
      onStart: clear,
      onSuccess: done,
      onFailure: () => router.refresh(),
    },
    /** Sends a row's action, to say `sentence` once it succeeds. */
    run<I>(action: { submit: (input: I) => Promise<void> }, input: I, sentence: string) {
      next.current = sentence;
      void action.submit(input);
    },
  };
}
