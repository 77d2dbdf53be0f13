import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { messagesFor } from "~/i18n";
import adminStyles from "~/styles/admin.css";
import { requirePermission } from "~/utils/auth.server";
import { metaLocale, useMessages } from "~/utils/locale";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }];

export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).admin.title }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.access");
  return null;
}

export default function AdminLayout() {
  const t = useMessages().admin;
  const items = [
    { to: "/admin", label: t.nav.overview, end: true },
    { to: "/admin/users", label: t.nav.users, end: false },
    { to: "/admin/units", label: t.nav.units, end: false },
    { to: "/admin/routning", label: t.nav.routing, end: false },
    { to: "/admin/kriterier", label: t.nav.criteria, end: false },
    { to: "/admin/installningar", label: t.nav.settings, end: false },
    { to: "/admin/utkorg", label: t.nav.outbox, end: false },
    { to: "/admin/api-nycklar", label: t.nav.apiTokens, end: false },
    { to: "/admin/tillganglighet", label: t.nav.accessibility, end: false },
    { to: "/admin/audit", label: t.nav.audit, end: false },
  ];
  return (
    <div className="admin">
      <h1 className="admin__heading">{t.heading}</h1>
      <nav aria-label={t.navLabel} className="admin-nav">
        <ul>
          {items.map((item) => (
            <li key={item.to}><NavLink to={item.to} end={item.end}>{item.label}</NavLink></li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
