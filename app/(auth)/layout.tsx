import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { SiteHeader } from "@/components/layout/site-header";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="page page--narrow" tabIndex={-1}>
        <ClientMessages namespaces={["signIn", "invitations", "admin.errors", "validation"]}>{children}</ClientMessages>
      </main>
    </>
  );
}
