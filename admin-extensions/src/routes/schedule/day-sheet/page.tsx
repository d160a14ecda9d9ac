import { Button, Container, Heading, Text } from "@medusajs/ui"
import { Link, useSearchParams } from "react-router-dom"
import { formatVisitTimes, todayIn } from "../../../lib/bookings"
import { longDay, serviceLabel, useSchedule, visitPerson } from "../../../lib/schedule"

// Printed, only the sheet shows: the admin's sidebar, header and buttons are left off the paper.
const PRINT_STYLES = `
@media print {
  body * { visibility: hidden; }
  .day-sheet, .day-sheet * { visibility: visible; }
  .day-sheet { position: absolute; inset: 0 auto auto 0; width: 100%; box-shadow: none; border: 0; }
  .day-sheet .no-print { display: none; }
  .day-sheet li { break-inside: avoid; }
  @page { margin: 15mm; }
}
`

/**
 * A fieldworker's day on paper: each visit in order with its window, address, who to ask for
 * and their phone, the customer's instructions and the dependents (pets, appliances) it is for.
 */
const DaySheetPage = () => {
  const [params] = useSearchParams()
  const fieldworkerId = params.get("fieldworker_id") ?? ""
  const day = /^\d{4}-\d{2}-\d{2}$/.test(params.get("day") ?? "") ? params.get("day")! : todayIn()
  const { data, isLoading, error } = useSchedule({ from: day, to: day, fieldworker_id: fieldworkerId || "none" })
  const fieldworker = data?.fieldworkers.find((candidate) => candidate.id === fieldworkerId)
  const visits = data?.visits ?? []
  const timeZone = data?.time_zone

  return (
    <Container className="day-sheet divide-y p-0" data-testid="day-sheet">
      <style>{PRINT_STYLES}</style>
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1" data-testid="day-sheet-heading">
            {fieldworker ? fieldworker.name : fieldworkerId ? "Day sheet" : "Unassigned visits"}
          </Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {longDay(day)} · {visits.length} visit{visits.length === 1 ? "" : "s"}
            {fieldworker?.phone && ` · ${fieldworker.phone}`}
          </Text>
        </div>
        <div className="no-print flex gap-x-2">
          <Button size="small" variant="secondary" asChild>
            <Link to={`/schedule?day=${day}`}>Back to the schedule</Link>
          </Button>
          <Button size="small" onClick={() => window.print()} data-testid="day-sheet-print">
            Print
          </Button>
        </div>
      </div>
      {isLoading && <Text className="px-6 py-4">Loading…</Text>}
      {error && <Text className="text-ui-fg-error px-6 py-4">The day sheet could not be loaded: {error.message}</Text>}
      {data && visits.length === 0 && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid="day-sheet-empty">
          No visits on this day.
        </Text>
      )}
      <ol className="divide-y">
        {visits.map((visit, index) => (
          <li key={visit.id} className="grid grid-cols-[9rem_1fr] gap-x-6 gap-y-1 px-6 py-4" data-testid="day-sheet-visit" data-booking-id={visit.id}>
            <div className="flex flex-col">
              <Text size="small" weight="plus" data-testid="day-sheet-window">
                {index + 1}. {formatVisitTimes(visit, timeZone)}
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle font-mono">
                {visit.booking_number}
              </Text>
            </div>
            <div className="flex flex-col gap-y-1">
              <Text size="small" weight="plus">
                {serviceLabel(visit)}
              </Text>
              <Text size="small" data-testid="day-sheet-address">
                {visit.address ?? visit.postcode ?? "No address given"}
              </Text>
              <Text size="small" data-testid="day-sheet-contact">
                Ask for {visit.contact_name || visitPerson(visit)}
                {visit.contact_phone && (
                  <>
                    {" · "}
                    <a href={`tel:${visit.contact_phone.replace(/\s+/g, "")}`} className="text-ui-fg-interactive">
                      {visit.contact_phone}
                    </a>
                  </>
                )}
              </Text>
              {visit.instructions && (
                <Text size="small" className="whitespace-pre-line" data-testid="day-sheet-instructions">
                  Notes: {visit.instructions}
                </Text>
              )}
              {visit.dependents.length > 0 && (
                <Text size="small" data-testid="day-sheet-dependents">
                  For: {visit.dependents.map((dependent) => (dependent.type_label ? `${dependent.name} (${dependent.type_label})` : dependent.name)).join(", ")}
                </Text>
              )}
            </div>
          </li>
        ))}
      </ol>
    </Container>
  )
}

export default DaySheetPage
