import { NavLink, type ShouldRevalidateFunction, useMatches } from "@remix-run/react"

/** Opening or leaving Messages reloads the badge (reading a conversation marks it read). */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate ||
  (currentUrl.pathname !== nextUrl.pathname && (currentUrl.pathname.startsWith("/messages") || nextUrl.pathname.startsWith("/messages")))

/**
 * "Messages" with the number of unread ones. On a wide screen the word gives way to an envelope
 * (still its name for screen readers), so the signed-in menu stays one row at 1280 px.
 */
export function MessagesLink(props: { unread: number }) {
  // A conversation's page counts again after reading marks it read; the root's count, loaded beside it, may be older.
  const fresher = useMatches()
    .map((match) => (match.data as { unreadMessages?: unknown } | undefined)?.unreadMessages)
    .filter((count): count is number => typeof count === "number")
  const unread = fresher.length ? fresher[fresher.length - 1] : props.unread
  return (
    <NavLink to="/messages" className="nav-messages" data-testid="nav-messages">
      <svg className="nav-messages__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          d="M3 6.5A1.5 1.5 0 0 1 4.5 5h15A1.5 1.5 0 0 1 21 6.5v11a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 17.5z M3.5 6.5 12 13l8.5-6.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinejoin="round"
        />
      </svg>
      <span className="nav-messages__label">Messages</span>
      {unread > 0 ? (
        <span className="nav-badge" data-testid="messages-unread">
          {unread}
          <span className="visually-hidden"> unread</span>
        </span>
      ) : null}
    </NavLink>
  )
}
