import { NavLink, type ShouldRevalidateFunction } from "@remix-run/react"

/** Opening or leaving Messages reloads the badge (reading a conversation marks it read). */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate ||
  (currentUrl.pathname !== nextUrl.pathname && (currentUrl.pathname.startsWith("/messages") || nextUrl.pathname.startsWith("/messages")))

/** "Messages" with the number of unread ones. */
export function MessagesLink({ unread }: { unread: number }) {
  return (
    <NavLink to="/messages" data-testid="nav-messages">
      Messages
      {unread > 0 ? (
        <span className="nav-badge" data-testid="messages-unread">
          {unread}
          <span className="visually-hidden"> unread</span>
        </span>
      ) : null}
    </NavLink>
  )
}
