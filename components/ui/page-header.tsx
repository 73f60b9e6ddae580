import type { ReactNode } from "react";

type PageHeaderProps = {
  title: ReactNode;
  /** A short line under the title. */
  description?: ReactNode;
  /** Shown above the title, e.g. a link back to the list. */
  before?: ReactNode;
  children?: ReactNode;
};

/** The page's one `<h1>`, with optional context around it. */
export function PageHeader({ title, description, before, children }: PageHeaderProps) {
  return (
    <div className="page-header">
      {before ? <div className="page-header__before">{before}</div> : null}
      <h1 className="page-header__title">{title}</h1>
      {description ? <p className="page-header__description">{description}</p> : null}
      {children}
    </div>
  );
}
