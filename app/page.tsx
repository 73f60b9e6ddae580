import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { loadLanding } from "@/lib/evaluations/loaders";

/** Where one lands, and where sign-in leads by default: one's only pending ballot, or the evaluation list. */
export default async function HomePage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  redirect((await loadLanding(user)) ?? "/evaluations");
}
