import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react"
import type { StoreNotification } from "@fieldservice/contract"

import { toProblem } from "~/lib/api/api.server"
import { businessTimeZone } from "~/lib/api/booking.server"
import { getNotifications, markAllNotificationsRead, NOTIFICATIONS_PER_PAGE } from "~/lib/api/notifications.server"
import { formatMoment } from "~/lib/manage-booking"
import { pageTitle } from "~/lib/meta"
import { redirectWithPageError, requireToken, signOutIfRefused, takePageError } from "~/lib/session.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Notifications")

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const page = Math.max(1, Math.floor(Number(new URL(request.url).searchParams.get("page")) || 1))
  const { pageError, headers } = await takePageError(request)
  try {
    const list = await getNotifications(token, (page - 1) * NOTIFICATIONS_PER_PAGE)
    return json({ error: pageError, list, page, timeZone: businessTimeZone() }, { headers })
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return json({ error: problem.message, list: null, page, timeZone: businessTimeZone() }, { status: 503, headers })
  }
}

/** "Mark all read". */
export async function action({ request }: ActionFunctionArgs) {
  const token = await requireToken(request)
  try {
    await markAllNotificationsRead(token)
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return redirectWithPageError(request, "/notifications", problem.message)
  }
  return redirect("/notifications")
}

function NoticeItem({ notice, timeZone }: { notice: StoreNotification; timeZone: string }) {
  const unread = !notice.read_at
  return (
    <li className={`notice-item${unread ? " notice-item--unread" : ""}`} data-testid="notification" data-unread={unread ? "true" : "false"}>
      {/* Opening marks it read and goes to the page it is about, without JavaScript too. */}
      <Link to={`/notifications/${encodeURIComponent(notice.id)}/open`} className="notice-item__link" reloadDocument>
        <span className="notice-item__title">
          {unread ? <span className="visually-hidden">Unread: </span> : null}
          {notice.title}
        </span>
        <span className="notice-item__message">{notice.message}</span>
        <time className="notice-item__time" dateTime={notice.created_at}>
          {formatMoment(notice.created_at, timeZone)}
        </time>
      </Link>
    </li>
  )
}

/** The customer's notifications, newest first: bookings confirmed or changed, quotes, invoices, messages. */
export default function Notifications() {
  const { error, list, page, timeZone } = useLoaderData<typeof loader>()
  const busy = useNavigation().state === "submitting"
  const pages = list ? Math.max(1, Math.ceil(list.count / list.limit)) : 1
  return (
    <section className="narrow">
      <div className="page-heading">
        <h1>Notifications</h1>
        {list?.unread_count ? (
          <Form method="post">
            <button type="submit" className="button button--secondary" disabled={busy}>
              Mark all read
            </button>
          </Form>
        ) : null}
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {list ? (
        <>
          <p className="hint" data-testid="unread-count">
            {list.unread_count === 0 ? "You have read everything." : `${list.unread_count} unread`}
          </p>
          {list.notifications.length ? (
            <ul className="notice-list">
              {list.notifications.map((notice) => (
                <NoticeItem key={notice.id} notice={notice} timeZone={timeZone} />
              ))}
            </ul>
          ) : (
            <p>Nothing yet. We let you know here when we confirm, change or finish a visit, and when a quote or an invoice is ready.</p>
          )}
          {pages > 1 ? (
            <nav className="pager" aria-label="Pages">
              {page > 1 ? <Link to={`?page=${page - 1}`}>Newer</Link> : <span />}
              <span>
                Page {page} of {pages}
              </span>
              {page < pages ? <Link to={`?page=${page + 1}`}>Older</Link> : <span />}
            </nav>
          ) : null}
        </>
      ) : null}
    </section>
  )
}
