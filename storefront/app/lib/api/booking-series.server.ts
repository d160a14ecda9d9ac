/** The customer's repeat visits: setting them up, listing them, reading one, and changing them. */

import { apiFetch } from "~/lib/api/api.server"
import { isNotFound, problemOf } from "~/lib/api/booking.server"
import type {
  StoreBookingSeries,
  StoreBookingSeriesDetail,
  StoreBookingSeriesListResponse,
  StoreBookingSeriesResponse,
  StoreChangeBookingSeries,
  StoreCreateBookingSeries,
  StoreEndBookingSeries,
  StoreMoveSeriesVisit,
  StorePauseBookingSeries,
  StoreSkipSeriesVisit,
} from "@fieldservice/contract"

const seriesPath = (id?: string, action?: string) =>
  `/store/customers/me/booking-series${id === undefined ? "" : `/${encodeURIComponent(id)}`}${action ? `/${action}` : ""}`

/** Throws ApiError: 400 in words (a first visit in the past, an end before the start), 404 not the customer's, 409 the window just taken. */
export async function createBookingSeries(token: string, input: StoreCreateBookingSeries): Promise<StoreBookingSeriesDetail> {
  return (await apiFetch<StoreBookingSeriesResponse>(seriesPath(), { method: "POST", token, body: input })).booking_series
}

export async function listBookingSeries(token: string): Promise<StoreBookingSeries[]> {
  return (await apiFetch<StoreBookingSeriesListResponse>(seriesPath(), { token })).booking_series ?? []
}

export async function getBookingSeries(token: string, id: string): Promise<StoreBookingSeriesDetail> {
  return (await apiFetch<StoreBookingSeriesResponse>(seriesPath(id), { token })).booking_series
}

/** For a page's loader: the customer's own series, else a 404 page (a 503 when the API is down). */
export async function loadOwnSeries(request: Request, token: string, id: string): Promise<StoreBookingSeriesDetail> {
  try {
    return await getBookingSeries(token, id)
  } catch (error) {
    if (isNotFound(error)) throw new Response("Not found", { status: 404 })
    const problem = await problemOf(request, error)
    throw new Response(problem.message, { status: problem.status >= 500 ? 503 : problem.status })
  }
}

type SeriesChange =
  | { action: "skip"; body: StoreSkipSeriesVisit }
  | { action: "move"; body: StoreMoveSeriesVisit }
  | { action: "change"; body: StoreChangeBookingSeries }
  | { action: "pause"; body: StorePauseBookingSeries }
  | { action: "end"; body: StoreEndBookingSeries }

/**
 * Throws ApiError: 400 a date that isn't one of the visits, 409 too close to change (the cut-off) or already ended.
 * A change from a date answers with the series that continues from then (a new id).
 */
export async function changeBookingSeries(token: string, id: string, change: SeriesChange): Promise<StoreBookingSeriesDetail> {
  return (await apiFetch<StoreBookingSeriesResponse>(seriesPath(id, change.action), { method: "POST", token, body: change.body })).booking_series
}

/** The private calendar link's path on the portal (`/calendar/…`), which calendar apps subscribe to. */
export async function getCalendarLink(token: string): Promise<string> {
  return (await apiFetch<{ calendar_link: { path: string } }>("/store/customers/me/calendar-link", { token })).calendar_link.path
}

/** A new private calendar link: the old one stops working. */
export async function resetCalendarLink(token: string): Promise<string> {
  return (await apiFetch<{ calendar_link: { path: string } }>("/store/customers/me/calendar-link/reset", { token, method: "POST" })).calendar_link.path
}
