import type { LinksFunction, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import type { Locale } from "~/domain/vocabulary";
import styles from "~/styles/app.css";
import { useLocale, useMessages } from "~/utils/locale";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ error }) => {
  if (!error) return [{ title: "Idéslussen" }];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title = status === 404 ? "Sidan finns inte" : status === 403 ? "Du har inte behörighet" : "Något gick fel";
  return [{ title: `${title} – Idéslussen` }];
};

export function loader() {
  const locale: Locale = "sv";
  return { locale };
}

export function Layout({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const t = useMessages();
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
                <li><NavLink to="/" end>{t.shell.nav.home}</NavLink></li>
                <li><NavLink to="/ideas/new">{t.shell.nav.submitIdea}</NavLink></li>
              </ul>
            </nav>
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
        <ScrollRestoration />
        <Scripts />
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
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, text] =
    status === 404 ? [t.errors.notFoundTitle, t.errors.notFoundText]
    : status === 403 ? [t.errors.forbiddenTitle, t.errors.forbiddenText]
    : [t.errors.serverErrorTitle, t.errors.serverErrorText];
  return (
    <section className="error-page" aria-labelledby="felrubrik">
      <p className="error-page__status">{status}</p>
      <h1 id="felrubrik">{title}</h1>
      <p>{text}</p>
      <p><Link className="button" to="/">{t.errors.backHome}</Link></p>
    </section>
  );
}
