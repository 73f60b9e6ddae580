import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="page page--narrow" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
