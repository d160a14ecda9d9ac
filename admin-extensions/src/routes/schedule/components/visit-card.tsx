import { EllipsisHorizontal } from "@medusajs/icons"
import { Badge, DropdownMenu, IconButton, Text, clx } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { BOOKING_STATUS_COLORS, BOOKING_STATUS_LABELS, formatVisitTimes } from "../../../lib/bookings"
import { canMove, serviceLabel, visitPerson } from "../../../lib/schedule"
import type { MoveTarget } from "./use-move-visit"
import type { AdminScheduleFieldworker, AdminScheduleVisit } from "@fieldservice/contract"

type VisitCardProps = {
  visit: AdminScheduleVisit
  timeZone?: string
  fieldworkers: AdminScheduleFieldworker[]
  moving: boolean
  onMove: (target: MoveTarget) => void
  /** "Another time…": choose one of the service's free windows. */
  onChooseTime: () => void
}

/**
 * A visit on the board: its window, service, postcode, status and customer. Dragged to another
 * column or day to move it; the "Move…" menu does the same from the keyboard.
 */
export function VisitCard({ visit, timeZone, fieldworkers, moving, onMove, onChooseTime }: VisitCardProps) {
  const movable = canMove(visit)
  const others = fieldworkers.filter((fieldworker) => fieldworker.active && fieldworker.id !== visit.fieldworker_id)
  return (
    <div
      draggable={movable && !moving}
      onDragStart={(event) => {
        event.dataTransfer.setData("text/plain", visit.id)
        event.dataTransfer.effectAllowed = "move"
      }}
      className={clx(
        "bg-ui-bg-base shadow-elevation-card-rest flex flex-col gap-y-1 rounded-md px-3 py-2",
        movable && "cursor-grab active:cursor-grabbing",
        moving && "opacity-50"
      )}
      aria-busy={moving}
      data-testid="schedule-visit"
      data-booking-id={visit.id}
      data-booking-number={visit.booking_number}
    >
      <div className="flex items-center justify-between gap-x-2">
        <Text size="small" weight="plus" data-testid="schedule-visit-window">
          {formatVisitTimes(visit, timeZone)}
        </Text>
        <div className="flex items-center gap-x-1">
          <Badge size="2xsmall" color={BOOKING_STATUS_COLORS[visit.status]} data-testid="schedule-visit-status">
            {BOOKING_STATUS_LABELS[visit.status]}
          </Badge>
          {movable && (
            <DropdownMenu>
              <DropdownMenu.Trigger asChild>
                <IconButton size="2xsmall" variant="transparent" aria-label={`Move ${visit.booking_number}…`} data-testid="schedule-visit-move">
                  <EllipsisHorizontal />
                </IconButton>
              </DropdownMenu.Trigger>
              <DropdownMenu.Content align="end">
                <DropdownMenu.Label>Move {visit.booking_number}</DropdownMenu.Label>
                {others.map((fieldworker) => (
                  <DropdownMenu.Item key={fieldworker.id} onClick={() => onMove({ fieldworkerId: fieldworker.id })} data-testid="schedule-visit-assign">
                    Assign to {fieldworker.name}
                  </DropdownMenu.Item>
                ))}
                {visit.fieldworker_id && (
                  <DropdownMenu.Item onClick={() => onMove({ fieldworkerId: null })} data-testid="schedule-visit-unassign">
                    Unassign
                  </DropdownMenu.Item>
                )}
                <DropdownMenu.Separator />
                <DropdownMenu.Item onClick={onChooseTime} data-testid="schedule-visit-another-time">
                  Another time…
                </DropdownMenu.Item>
              </DropdownMenu.Content>
            </DropdownMenu>
          )}
        </div>
      </div>
      <Text size="small" data-testid="schedule-visit-service">
        {serviceLabel(visit)}
      </Text>
      <Text size="xsmall" className="text-ui-fg-subtle">
        <span data-testid="schedule-visit-customer">{visitPerson(visit)}</span>
        {visit.postcode && (
          <>
            {" · "}
            <span data-testid="schedule-visit-postcode">{visit.postcode}</span>
          </>
        )}
      </Text>
      <Link to={`/bookings/${visit.id}`} className="txt-compact-xsmall text-ui-fg-interactive font-mono" data-testid="schedule-visit-number">
        {visit.booking_number}
      </Link>
    </div>
  )
}
