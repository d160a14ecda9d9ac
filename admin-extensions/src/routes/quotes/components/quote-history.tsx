import type { QuoteEvent, QuoteEventKind } from "@fieldservice/contract"
import { Container, Heading, Text } from "@medusajs/ui"
import { adminLocale } from "../../../lib/directory"

const WHAT: Record<QuoteEventKind, string> = {
  created: "Drafted",
  sent: "Sent to the customer",
  viewed: "Viewed by the customer",
  accepted: "Accepted",
  declined: "Declined",
  changes_requested: "Changes requested",
  revised: "Revision started",
  expired: "Expired",
  scheduled: "Visit booked",
  deposit_paid: "Deposit paid",
  deposit_failed: "Deposit failed",
}

/** The quote's own history, oldest first: who did what to which version, with a reason or message. */
export function QuoteHistory({ events, timeZone }: { events: QuoteEvent[]; timeZone: string }) {
  const when = (iso: string) => new Intl.DateTimeFormat(adminLocale(), { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso))
  return (
    <Container className="divide-y p-0" data-testid="quote-history">
      <div className="px-6 py-4">
        <Heading level="h2">History</Heading>
      </div>
      <ol className="flex flex-col gap-y-3 px-6 py-4">
        {events.map((event) => (
          <li key={event.id} className="flex flex-col" data-testid="quote-history-event" data-kind={event.kind}>
            <Text size="small" weight="plus">
              {WHAT[event.kind]}
              {event.version ? ` · version ${event.version}` : ""}
            </Text>
            {event.message && (
              <Text size="small" className="whitespace-pre-wrap">
                “{event.message}”
              </Text>
            )}
            <Text size="xsmall" className="text-ui-fg-subtle">
              {when(event.created_at)}
              {event.actor ? ` · ${event.actor === "customer" ? "the customer" : event.actor}` : ""}
            </Text>
          </li>
        ))}
      </ol>
    </Container>
  )
}
