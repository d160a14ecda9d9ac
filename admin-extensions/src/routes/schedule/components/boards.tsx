import { Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { dayOf, hourOf, shortDay } from "../../../lib/schedule"
import { DropZone } from "./drop-zone"
import { VisitCard } from "./visit-card"
import type { MoveTarget } from "./use-move-visit"
import type { AdminScheduleFieldworker, AdminScheduleVisit } from "@fieldservice/contract"

/** A row or column of the board: a fieldworker, or nobody yet (id null). */
export type Lane = { id: string | null; name: string; inactive?: boolean }

/** Where a visit was dropped: a lane, a day, and in the day view an hour. */
export type DropTarget = { fieldworkerId: string | null; day: string; hour?: number }

export type BoardProps = {
  lanes: Lane[]
  visits: AdminScheduleVisit[]
  days: string[]
  timeZone?: string
  fieldworkers: AdminScheduleFieldworker[]
  movingId: string | null
  onDrop: (visitId: string, target: DropTarget) => void
  onMove: (visit: AdminScheduleVisit, target: MoveTarget) => void
  onChooseTime: (visit: AdminScheduleVisit) => void
}

const laneKey = (lane: Lane) => lane.id ?? "unassigned"

function LaneTitle({ lane, day }: { lane: Lane; day: string }) {
  return (
    <div className="flex flex-col" data-testid="schedule-lane" data-fieldworker-id={lane.id ?? "none"}>
      <Text size="small" weight="plus" data-testid="schedule-lane-name">
        {lane.name}
        {lane.inactive && " (inactive)"}
      </Text>
      {lane.id && (
        <Link
          to={`/schedule/day-sheet?fieldworker_id=${lane.id}&day=${day}`}
          className="txt-compact-xsmall text-ui-fg-interactive"
          data-testid="schedule-day-sheet-link"
        >
          Day sheet
        </Link>
      )}
    </div>
  )
}

function Cards({
  visits,
  ...props
}: Pick<BoardProps, "timeZone" | "fieldworkers" | "movingId" | "onMove" | "onChooseTime"> & { visits: AdminScheduleVisit[] }) {
  return (
    <div className="flex flex-col gap-y-2 p-2">
      {visits.map((visit) => (
        <VisitCard
          key={visit.id}
          visit={visit}
          timeZone={props.timeZone}
          fieldworkers={props.fieldworkers}
          moving={props.movingId === visit.id}
          onMove={(target) => props.onMove(visit, target)}
          onChooseTime={() => props.onChooseTime(visit)}
        />
      ))}
    </div>
  )
}

/**
 * One day: a column per fieldworker (and "Unassigned"), a row per hour, each visit in the hour its
 * arrival window starts. Dropping a card in another column assigns it; in another hour, moves it
 * to the service's free window starting then.
 */
export function DayBoard({ lanes, visits, days, ...props }: BoardProps) {
  const day = days[0]
  const hours = visits.map((visit) => hourOf(visit.starts_at, props.timeZone))
  const first = Math.min(8, ...hours)
  const last = Math.max(17, ...hours)
  const rows = Array.from({ length: last - first + 1 }, (_, index) => first + index)
  const columns = `4rem repeat(${lanes.length}, minmax(13rem, 1fr))`
  return (
    <div className="overflow-x-auto" data-testid="schedule-day-board">
      <div className="grid min-w-max divide-y" style={{ gridTemplateColumns: columns }}>
        <div className="contents">
          <div />
          {lanes.map((lane) => (
            <div key={laneKey(lane)} className="border-l px-3 py-2">
              <LaneTitle lane={lane} day={day} />
            </div>
          ))}
        </div>
        {rows.map((hour) => (
          <div key={hour} className="contents">
            <Text size="xsmall" className="text-ui-fg-subtle border-t px-2 py-2">
              {String(hour).padStart(2, "0")}:00
            </Text>
            {lanes.map((lane) => (
              <DropZone
                key={laneKey(lane)}
                laneId={lane.id}
                className="border-l border-t"
                label={`${lane.name}, ${String(hour).padStart(2, "0")}:00`}
                onDropVisit={(id) => props.onDrop(id, { fieldworkerId: lane.id, day, hour })}
              >
                <Cards {...props} visits={visits.filter((visit) => visit.fieldworker_id === lane.id && hourOf(visit.starts_at, props.timeZone) === hour)} />
              </DropZone>
            ))}
          </div>
        ))}
      </div>
    </div>
  )
}

/** A week: a row per fieldworker (and "Unassigned"), a column per day. Dropping on another day offers that day's free windows. */
export function WeekBoard({ lanes, visits, days, ...props }: BoardProps) {
  const columns = `12rem repeat(${days.length}, minmax(11rem, 1fr))`
  return (
    <div className="overflow-x-auto" data-testid="schedule-week-board">
      <div className="grid min-w-max" style={{ gridTemplateColumns: columns }}>
        <div className="contents">
          <div />
          {days.map((day) => (
            <Text key={day} size="small" weight="plus" className="border-l px-3 py-2" data-testid="schedule-week-day">
              {shortDay(day)}
            </Text>
          ))}
        </div>
        {lanes.map((lane) => (
          <div key={laneKey(lane)} className="contents">
            <div className="border-t px-3 py-2">
              <LaneTitle lane={lane} day={days[0]} />
            </div>
            {days.map((day) => (
              <DropZone
                key={day}
                laneId={lane.id}
                className="border-l border-t"
                label={`${lane.name}, ${shortDay(day)}`}
                onDropVisit={(id) => props.onDrop(id, { fieldworkerId: lane.id, day })}
              >
                <Cards {...props} visits={visits.filter((visit) => visit.fieldworker_id === lane.id && dayOf(visit.starts_at, props.timeZone) === day)} />
              </DropZone>
            ))}
          </div>
        ))}
      </div>
    </div>
  )
}
