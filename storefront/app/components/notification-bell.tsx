import { NavLink } from "@remix-run/react"

/** The header's bell: the Notifications page, with the unread count (null when it couldn't be read). */
export function NotificationBell({ unread }: { unread: number | null }) {
  const label = unread ? `Notifications, ${unread} unread` : "Notifications"
  return (
    <NavLink to="/notifications" className="bell" aria-label={label} title={label} data-testid="notification-bell">
      <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      {unread ? (
        <span className="bell__count" data-testid="notification-count" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </NavLink>
  )
}
