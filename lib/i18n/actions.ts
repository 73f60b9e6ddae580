"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { z } from "zod";
import { serverEnv } from "@/lib/env";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS } from "./config";

const localeSchema = z.enum(["es", "en"]);

/** The header's language switch. Anything but "es" or "en" is ignored. */
export async function setLocale(formData: FormData): Promise<void> {
  const parsed = localeSchema.safeParse(formData.get("locale"));
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data, {
    maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS,
    sameSite: "lax",
    httpOnly: true,
    secure: serverEnv().APP_BASE_URL.startsWith("https:"),
    path: "/",
  });
  revalidatePath("/", "layout");
}
