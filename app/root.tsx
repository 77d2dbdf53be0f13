import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form, isRouteErrorResponse, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLocation,
  useRouteError, useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { navigationFor } from "~/domain/navigation";
import type { Locale } from "~/domain/vocabulary";
import { getSessionUser } from "~/utils/auth.server";
import { requestLocale } from "~/utils/language.server";
import styles from "~/styles/app.css";
import { useLocale, useMessages } from "~/utils/locale";
import { messagesFor, type Messages } from "~/i18n";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction<typeof loader> = ({ error, data }) => {
  if (!error) return [{ title: "Idéslussen" }];
  return [{ title: `${errorTexts(messagesFor(data?.locale ?? "sv"), error).title} – Idéslussen` }];
};

/** Title and text of the error page for `error`; a 500 never shows the error's own message or stack. */
function errorTexts(t: Messages, error: unknown) {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const e = t.errors;
  if (status === 404) return { status, title: e.notFoundTitle, text: e.notFoundText };
  if (status === 403) return { status, title: e.forbiddenTitle, text: e.forbiddenText };
  if (status === 401) return { status, title: e.signInTitle, text: e.signInText };
  if (status === 400) return { status, title: e.badRequestTitle, text: e.badRequestText };
  return { status, title: e.serverErrorTitle, text: e.serverErrorText };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  const locale: Locale = await requestLocale(request);
  return {
    // Read with the session (one query per page view); a GET shares that lookup with the route's loader.
    unreadNotifications: user?.unreadNotifications ?? 0,
    locale,
    nonce: context.cspNonce ?? "",
    user: user && { name: user.name, roles: user.roles },
    navigation: navigationFor(user),
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const t = useMessages();
  const root = useRouteLoaderData<typeof loader>("root");
  const navigation = root?.navigation ?? [{ key: "home" as const, href: "/" }];
  const user = root?.user ?? null;
  const location = useLocation();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#huvudinnehall">{t.shell.skipToContent}</a>
        <header className="site-header">
          <div className="container site-header__inner">
            <Link to="/" className="brand">
              <span className="brand__name">{t.shell.productName}</span>
              <span className="brand__tagline">{t.shell.tagline}</span>
            </Link>
            <nav aria-label={t.shell.mainNavigation}>
              <ul className="main-nav">
                {navigation.map((item) => (
                  <li key={item.key}><NavLink to={item.href} end={item.href === "/"}>{t.shell.nav[item.key]}</NavLink></li>
                ))}
              </ul>
            </nav>
            <div className="account">
              <Form method="post" action="/sprak" className="language-switch">
                <input type="hidden" name="sprak" value={t.shell.language.switchToLang} />
                <input type="hidden" name="tillbaka" value={`${location.pathname}${location.search}`} />
                <button type="submit" className="button button--on-dark" lang={t.shell.language.switchToLang}>
                  {t.shell.language.switchTo}
                </button>
              </Form>
              {user ? (
                <>
                  <Link className="account__link" to="/notifications">
                    {t.shell.nav.notifications}
                    {(root?.unreadNotifications ?? 0) > 0 && (
                      <span className="badge">{t.shell.nav.unread(root?.unreadNotifications ?? 0)}</span>
                    )}
                  </Link>
                  <Link className="account__link" to="/installningar">{t.shell.nav.settings}</Link>
                  <span className="account__who">
                    <span className="visually-hidden">{t.auth.signedInAs} </span>
                    <span className="account__name">{user.name}</span>
                    <span className="account__roles">{user.roles.map((role) => t.roles[role]).join(", ")}</span>
                  </span>
                  <Form method="post" action="/logout">
                    <button type="submit" className="button button--on-dark">{t.auth.signOut}</button>
                  </Form>
                </>
              ) : (
                <Link className="button button--on-dark" to="/login">{t.shell.nav.signIn}</Link>
              )}
            </div>
          </div>
        </header>
        <main id="huvudinnehall" tabIndex={-1} className="container main">
          {children}
        </main>
        <footer className="site-footer">
          <div className="container site-footer__inner">
            <p>{t.shell.footerAbout}</p>
            <p><Link to="/tillganglighet">{t.shell.accessibility}</Link></p>
          </div>
        </footer>
        <ScrollRestoration nonce={root?.nonce} />
        <Scripts nonce={root?.nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useMessages();
  const location = useLocation();
  const { status, title, text } = errorTexts(t, error);
  // After a form post to an index route the location carries Remix's "?index": not part of the page's address.
  const search = new URLSearchParams(location.search);
  search.delete("index");
  const back = `${location.pathname}${search.size ? `?${search}` : ""}`;
  const signIn = `/login?${new URLSearchParams({ redirectTo: back })}`;
  return (
    <section className="error-page" aria-labelledby="felrubrik">
      <p className="error-page__status">{status}</p>
      <h1 id="felrubrik">{title}</h1>
      <p>{text}</p>
      <p className="error-page__actions">
        {status === 401 && <Link className="button button--primary" to={signIn}>{t.errors.signIn}</Link>}
        <Link className="button" to="/">{t.errors.backHome}</Link>
      </p>
    </section>
  );
}
