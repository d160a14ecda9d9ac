import { Button, Drawer, Text, clx } from "@medusajs/ui"
import { useState } from "react"
import { formatVisitTimes } from "../lib/bookings"
import { dayOf, serviceLabel, shortDay, useFreeWindows } from "../lib/schedule"
import type { AdminScheduleVisit } from "@fieldservice/contract"

/** The visit to move: a card on the schedule board, or the booking page's booking. */
type MovableVisit = Pick<AdminScheduleVisit, "id" | "booking_number" | "service_title" | "option_title">

type TimeDrawerProps = {
  visit: MovableVisit | null
  /** The first day offered and how many. */
  day: string
  days: number
  timeZone?: string
  onClose: () => void
  onChoose: (startsAt: string) => void
}

/**
 * "Another time…" (the schedule board) and "Reschedule" (the booking page): the free windows of the
 * visit's service, by day; the same ones a customer could choose.
 */
export function TimeDrawer({ visit, day, days, timeZone, onClose, onChoose }: TimeDrawerProps) {
  const { data, isLoading, error } = useFreeWindows(visit?.id ?? null, day, days)
  const [chosen, setChosen] = useState<string | null>(null)
  const windows = data?.windows ?? []
  const byDay = new Map<string, typeof windows>()
  for (const window of windows) byDay.set(dayOf(window.starts_at, timeZone), [...(byDay.get(dayOf(window.starts_at, timeZone)) ?? []), window])

  return (
    <Drawer
      open={!!visit}
      onOpenChange={(open) => {
        if (!open) {
          setChosen(null)
          onClose()
        }
      }}
    >
      <Drawer.Content data-testid="schedule-time-drawer">
        <Drawer.Header>
          <Drawer.Title className="h2-core font-sans font-medium">Move {visit?.booking_number} to another time</Drawer.Title>
          <Drawer.Description className="text-ui-fg-subtle txt-small">
            {visit ? `${serviceLabel(visit)}: the arrival windows with room, from ${shortDay(day)}.` : ""}
          </Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          {isLoading && <Text size="small">Loading free times…</Text>}
          {error && (
            <Text size="small" className="text-ui-fg-error">
              {error.message}
            </Text>
          )}
          {data && windows.length === 0 && (
            <Text size="small" className="text-ui-fg-subtle" data-testid="schedule-time-none">
              No free windows in these days.
            </Text>
          )}
          {[...byDay.entries()].map(([windowDay, list]) => (
            <div key={windowDay} className="flex flex-col gap-y-2">
              <Text size="small" weight="plus">
                {shortDay(windowDay)}
              </Text>
              <div className="flex flex-wrap gap-2">
                {list.map((window) => (
                  <button
                    key={window.starts_at}
                    type="button"
                    aria-pressed={chosen === window.starts_at}
                    onClick={() => setChosen(window.starts_at)}
                    className={clx(
                      "txt-compact-small rounded-md border px-3 py-1.5",
                      chosen === window.starts_at ? "border-ui-border-interactive bg-ui-bg-highlight" : "border-ui-border-base bg-ui-bg-base"
                    )}
                    data-testid="schedule-time-option"
                  >
                    {formatVisitTimes({ ...window, window_ends_at: window.ends_at }, timeZone)}
                  </button>
                ))}
              </div>
            </div>
          ))}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              Cancel
            </Button>
          </Drawer.Close>
          <Button
            size="small"
            disabled={!chosen}
            onClick={() => {
              if (!chosen) return
              onChoose(chosen)
              setChosen(null)
            }}
            data-testid="schedule-time-move"
          >
            Move
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
