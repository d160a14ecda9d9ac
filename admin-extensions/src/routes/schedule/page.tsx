import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CalendarSolid } from "@medusajs/icons"
import { Container, Heading, Text, toast } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useSearchParams } from "react-router-dom"
import { adminFetch, todayIn } from "../../lib/bookings"
import { addDays, canMove, dayOf, daysFrom, hourOf, longDay, serviceLabel, shortDay, useSchedule, weekStart } from "../../lib/schedule"
import { DayBoard, type DropTarget, type Lane, WeekBoard } from "./components/boards"
import { ScheduleFilters } from "./components/schedule-filters"
import { TimeDrawer } from "../../components/time-drawer"
import { useMoveVisit } from "./components/use-move-visit"
import type { AdminFreeWindowsResponse, AdminScheduleVisit } from "@fieldservice/contract"

/** "Another time…" open for a visit: the days offered, and the fieldworker it goes to afterwards. */
type TimeChoice = { visit: AdminScheduleVisit; day: string; days: number; fieldworkerId: string | null }

/**
 * The schedule: a day or a week of visits by fieldworker (and unassigned), each by its arrival
 * window. Staff drag a visit to another fieldworker or time, or use its "Move…" menu; the moves
 * follow the same rules as the booking page and the customer's own reschedule. The view, day and
 * filters live in the address, so a reload or a shared link shows the same board.
 */
const SchedulePage = () => {
  const [params, setParams] = useSearchParams()
  const view = params.get("view") === "week" ? "week" : "day"
  const day = /^\d{4}-\d{2}-\d{2}$/.test(params.get("day") ?? "") ? params.get("day")! : todayIn()
  const postcodeArea = params.get("postcode_area") ?? ""
  const serviceId = params.get("service_id") ?? ""
  const days = view === "week" ? daysFrom(weekStart(day), 7) : [day]

  const { data, isLoading, isFetching, error } = useSchedule({
    from: days[0],
    to: days[days.length - 1],
    postcode_area: postcodeArea || undefined,
    service_id: serviceId || undefined,
  })
  const timeZone = data?.time_zone
  const visits = useMemo(() => data?.visits ?? [], [data])
  const fieldworkers = useMemo(() => data?.fieldworkers ?? [], [data])
  const names = useMemo(() => new Map(fieldworkers.map((fieldworker) => [fieldworker.id, fieldworker.name])), [fieldworkers])
  const lanes: Lane[] = [
    { id: null, name: "Unassigned" },
    ...fieldworkers.map((fieldworker) => ({ id: fieldworker.id, name: fieldworker.name, inactive: !fieldworker.active })),
  ]
  const { move, movingId } = useMoveVisit(timeZone, names)
  const [timeChoice, setTimeChoice] = useState<TimeChoice | null>(null)

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value)
      else next.delete(key)
    }
    setParams(next, { replace: true })
  }
  const step = (direction: -1 | 0 | 1) => update({ day: direction === 0 ? todayIn(timeZone) : addDays(day, direction * (view === "week" ? 7 : 1)) })

  /** A card dropped on a lane (another fieldworker) and perhaps another hour or day (another window). */
  const drop = async (visitId: string, target: DropTarget) => {
    const visit = visits.find((candidate) => candidate.id === visitId)
    if (!visit || !canMove(visit)) return
    const sameDay = dayOf(visit.starts_at, timeZone) === target.day
    const sameHour = target.hour === undefined || target.hour === hourOf(visit.starts_at, timeZone)
    if (sameDay && sameHour) return move(visit, { fieldworkerId: target.fieldworkerId })
    // Another day of the week: which of its windows is for staff to say.
    if (target.hour === undefined) return setTimeChoice({ visit, day: target.day, days: 1, fieldworkerId: target.fieldworkerId })
    const hour = `${String(target.hour).padStart(2, "0")}:00`
    try {
      const { windows } = await adminFetch<AdminFreeWindowsResponse>(`/admin/bookings/${visit.id}/free-windows?from=${target.day}&days=1`)
      const window = windows.find((candidate) => hourOf(candidate.starts_at, timeZone) === target.hour)
      if (!window) return toast.error(`No ${serviceLabel(visit)} window with room starts at ${hour} on ${shortDay(target.day)}.`)
      await move(visit, { fieldworkerId: target.fieldworkerId, startsAt: window.starts_at })
    } catch (caught) {
      toast.error(caught instanceof Error ? caught.message : "The free times could not be loaded.")
    }
  }

  const board = {
    lanes,
    visits,
    days,
    timeZone,
    fieldworkers,
    movingId,
    onDrop: (visitId: string, target: DropTarget) => void drop(visitId, target),
    onMove: (visit: AdminScheduleVisit, target: { fieldworkerId: string | null; startsAt?: string }) => void move(visit, target),
    onChooseTime: (visit: AdminScheduleVisit) => setTimeChoice({ visit, day: dayOf(visit.starts_at, timeZone), days: 7, fieldworkerId: visit.fieldworker_id }),
  }

  return (
    <Container className="divide-y p-0" data-testid="schedule-page">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h1">Schedule</Heading>
        <Text size="small" className="text-ui-fg-subtle" data-testid="schedule-range">
          {view === "week" ? `Week of ${longDay(days[0])}` : longDay(day)}
          {timeZone && `. Times are in ${timeZone}.`} Drag a visit to another fieldworker or time, or use its menu.
        </Text>
      </div>
      <ScheduleFilters
        view={view}
        day={day}
        postcodeArea={postcodeArea}
        serviceId={serviceId}
        services={data?.services ?? []}
        onChange={update}
        onStep={step}
      />
      <div aria-busy={isFetching} data-testid="schedule-board">
        {isLoading ? (
          <Text size="small" className="text-ui-fg-subtle px-6 py-4">
            Loading the schedule…
          </Text>
        ) : error ? (
          <Text size="small" className="text-ui-fg-error px-6 py-4" data-testid="schedule-error">
            The schedule could not be loaded: {error.message}
          </Text>
        ) : (
          <>
            {visits.length === 0 && (
              <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid="schedule-empty">
                No visits {postcodeArea || serviceId ? "match these filters" : view === "week" ? "this week" : "on this day"}.
              </Text>
            )}
            {view === "week" ? <WeekBoard {...board} /> : <DayBoard {...board} />}
          </>
        )}
      </div>
      <TimeDrawer
        visit={timeChoice?.visit ?? null}
        day={timeChoice?.day ?? day}
        days={timeChoice?.days ?? 7}
        timeZone={timeZone}
        onClose={() => setTimeChoice(null)}
        onChoose={(startsAt) => {
          if (!timeChoice) return
          setTimeChoice(null)
          void move(timeChoice.visit, { fieldworkerId: timeChoice.fieldworkerId, startsAt })
        }}
      />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Schedule",
  icon: CalendarSolid,
})

export default SchedulePage
