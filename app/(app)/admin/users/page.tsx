import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { TwoFactorSwitch } from "@/components/admin/two-factor-switch";
import { UserRowActions } from "@/components/admin/user-row-actions";
import { Field } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { StaticTable } from "@/components/ui/static-table";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { loadUserList, mayListUsers } from "@/lib/users/loaders";
import { parseUserListQuery, SEARCH_MAX } from "@/lib/users/schema";
import { Section } from "@/components/ui/section";

type UsersPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const [user, t] = await Promise.all([getAuthorizedUser(), getTranslations()]);
  // Non-administrators get the same title as any missing page.
  return { title: mayListUsers(user) ? t("admin.users.metaTitle") : t("notFound.metaTitle") };
}

function pageHref(q: string, page: number): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin/users?${query}` : "/admin/users";
}

export default async function AdminUsersPage({ searchParams }: UsersPageProps) {
  const user = await requireUser("/admin/users");
  const query = parseUserListQuery(await searchParams);
  const [list, t, format] = await Promise.all([loadUserList(user, query), getTranslations(), getFormatter()]);
  if (!list) notFound();
  const { users, total, page, pageCount, twoFactorRequired } = list;

  return (
    <>
      <PageHeader
        before={
          <nav aria-label={t("admin.nav.label")}>
            <Link href="/evaluations/new">{t("admin.nav.newEvaluation")}</Link>
          </nav>
        }
        title={t("admin.users.title")}
        description={t("admin.users.intro")}
      />

      <CreateUserForm defaultLocale={user.locale} />

      <TwoFactorSwitch required={twoFactorRequired} />

      <Section id="users-list-title" title={t("admin.users.title")}>
        <form
          className="actions"
          method="get"
          action="/admin/users"
          role="search"
          aria-label={t("admin.users.searchLabel")}
        >
          <Field
            id="users-search"
            type="search"
            name="q"
            label={t("admin.users.searchLabel")}
            defaultValue={query.q}
            maxLength={SEARCH_MAX}
          />
          <button type="submit" className="button button--secondary">
            {t("admin.users.searchSubmit")}
          </button>
          {query.q ? <Link href="/admin/users">{t("admin.users.searchClear")}</Link> : null}
        </form>

        <StaticTable
          captionId="users-caption"
          caption={
            query.q
              ? t("admin.users.captionSearch", { count: total, query: query.q })
              : t("admin.users.caption", { count: total })
          }
          columns={[
            t("admin.users.name"),
            t("admin.users.email"),
            t("admin.users.access"),
            t("admin.users.status"),
            t("admin.users.lastSignIn"),
            t("admin.users.actions"),
          ]}
        >
          {users.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                {row.name} {row.id === user.id ? <span className="muted">{t("admin.users.you")}</span> : null}
              </th>
              <td className="code">{row.email}</td>
              <td>{row.isAdmin ? t("admin.users.administrator") : t("admin.users.regularUser")}</td>
              <td>{t(`admin.users.status${row.status}`)}</td>
              <td className="nowrap">
                {row.lastSignInAt
                  ? format.dateTime(row.lastSignInAt, { dateStyle: "medium", timeStyle: "short" })
                  : t("admin.users.never")}
              </td>
              <td>
                <UserRowActions userId={row.id} name={row.name} status={row.status} isSelf={row.id === user.id} />
              </td>
            </tr>
          ))}
        </StaticTable>

        {pageCount > 1 ? (
          <nav className="actions" aria-label={t("admin.users.paginationLabel")}>
            {page > 1 ? <Link href={pageHref(query.q, page - 1)}>{t("admin.users.previous")}</Link> : null}
            <span aria-current="page">{t("admin.users.pageOf", { page, pageCount })}</span>
            {page < pageCount ? <Link href={pageHref(query.q, page + 1)}>{t("admin.users.next")}</Link> : null}
          </nav>
        ) : null}
      </Section>
    </>
  );
}
