import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react"
import { type ReactNode, useContext, useEffect, useRef } from "react"

import { getBusinessName } from "~/lib/api/api.server"
import { getPortalSettings } from "~/lib/api/auth.server"
import { unreadNotifications } from "~/lib/api/notifications.server"
import { NotificationBell } from "~/components/notification-bell"
import { SiteFooter } from "~/components/office-contact"
import { LiveMessages } from "~/components/messages/live-messages"
import { MessagesLink } from "~/components/messages/messages-link"
import { unreadCount } from "~/lib/api/conversations.server"
import { NonceContext } from "~/lib/nonce"
import { getSession } from "~/lib/session.server"
import stylesHref from "~/styles.css?url"

const FALLBACK_BUSINESS_NAME = "Brightside Home Services"

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
]

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.businessName ?? FALLBACK_BUSINESS_NAME }]

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request)
  const signedIn = Boolean(session.get("token"))
  const token = session.get("token")
  const [{ office }, unread, unreadMessages] = await Promise.all([
    getPortalSettings(),
    signedIn ? unreadNotifications(session.get("token")) : null,
    token ? unreadCount(token) : 0,
  ])
  return json({
    unread,
    unreadMessages,
    businessName: getBusinessName(),
    office,
    signedIn,
    // Signed in with a booking number only: sees /my-booking, not /account.
    bookingSession: !signedIn && Boolean(session.get("bookingToken")),
  })
}

export { shouldRevalidate } from "~/components/messages/messages-link"

/** On a phone the menu folds into "Menu" (a details element, so it opens without JavaScript); wide screens show it inline. */
function SiteHeader() {
  const data = useRouteLoaderData<typeof loader>("root")
  const businessName = data?.businessName ?? FALLBACK_BUSINESS_NAME
  const menu = useRef<HTMLDetailsElement>(null)
  const { pathname } = useLocation()
  // A page opened from the menu closes it.
  useEffect(() => {
    if (menu.current) menu.current.open = false
  }, [pathname])
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link to="/" className="brand">
          {businessName}
        </Link>
        <div className="site-header__actions">
          {data?.signedIn ? <NotificationBell unread={data.unread} /> : null}
          <details className="site-menu" ref={menu}>
            <summary className="site-menu__toggle">Menu</summary>
            <nav aria-label="Main">
              <ul className="nav">
                <li>
                  <NavLink to="/services">Services</NavLink>
                </li>
                {data?.signedIn ? (
                  <>
                    <li>
                      <NavLink to="/book">Book a service</NavLink>
                    </li>
                    <li>
                      <NavLink to="/bookings">My bookings</NavLink>
                    </li>
                    <li>
                      <NavLink to="/invoices">Invoices</NavLink>
                    </li>
                    <li>
                      <NavLink to="/quotes">Quotes</NavLink>
                    </li>
                    <li>
                      <NavLink to="/gift-cards" end>
                        Gift cards
                      </NavLink>
                    </li>
                    <li>
                      <MessagesLink unread={data.unreadMessages} />
                    </li>
                  </>
                ) : (
                  <li>
                    <NavLink to="/gift-cards/buy">Buy gift vouchers</NavLink>
                  </li>
                )}
                <li>
                  <NavLink to="/support">Support</NavLink>
                </li>
                {data?.signedIn || data?.bookingSession ? (
                  <>
                    <li>{data.signedIn ? <NavLink to="/account">My account</NavLink> : <NavLink to="/my-booking">My booking</NavLink>}</li>
                    <li>
                      <Form method="post" action="/sign-out">
                        <button type="submit" className="link-button">
                          Sign out
                        </button>
                      </Form>
                    </li>
                  </>
                ) : (
                  <>
                    <li>
                      <NavLink to="/sign-in">Sign in</NavLink>
                    </li>
                    <li>
                      <NavLink to="/sign-up">Sign up</NavLink>
                    </li>
                  </>
                )}
              </ul>
            </nav>
          </details>
        </div>
      </div>
    </header>
  )
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useContext(NonceContext)
  const rootData = useRouteLoaderData<typeof loader>("root")
  const businessName = rootData?.businessName ?? FALLBACK_BUSINESS_NAME
  const signedIn = Boolean(rootData?.signedIn)
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="container">
          {children}
        </main>
        <SiteFooter businessName={businessName} />
        {signedIn ? <LiveMessages /> : null}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  const error = useRouteError()
  const notFound = isRouteErrorResponse(error) && error.status === 404
  if (!notFound) console.error(error)
  return (
    <section className="notice">
      <h1>{notFound ? "Page not found" : "Something went wrong"}</h1>
      <p>{notFound ? "We couldn't find the page you were looking for." : "Sorry, we hit a problem showing this page. Please try again in a moment."}</p>
      <p>
        <Link to="/">Back to our services</Link>
      </p>
    </section>
  )
}
