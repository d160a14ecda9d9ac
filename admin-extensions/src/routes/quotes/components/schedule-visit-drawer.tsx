import { Button, Drawer, Heading, Label, RadioGroup, Text, toast } from "@medusajs/ui"
import { cardLabel, formatAddress, isCardExpired, type Quote } from "@fieldservice/contract"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { WindowChoice } from "../../bookings/new/components/window-choice"
import { useSavedCards } from "../../../lib/new-booking"
import { useCustomerProfile } from "../../../lib/profile"
import { quoteQueryKeys } from "../../../lib/quotes"
import { adminFetch } from "../../../lib/sdk"

const ON_THE_DAY = "on-the-day"

/** The accepted option's first service line: the visit's arrival times are that service's. */
const visitServiceId = (quote: Quote) =>
  quote.current?.options.find((option) => option.id === quote.acceptance?.option_id)?.lines.find((line) => line.product_id)?.product_id ?? ""

/** One radio button with its label. */
const Choice = ({ value, id, label }: { value: string; id: string; label: string }) => (
  <div className="flex items-center gap-x-2">
    <RadioGroup.Item value={value} id={id} />
    <Label htmlFor={id} size="small">
      {label}
    </Label>
  </div>
)

/**
 * "Schedule visit" on an accepted quote: a day and arrival window (as staff's new booking offers
 * them, inside the lead time too), the quote's address or one of the customer's locations, and a
 * saved card or pay on the day. The booking is made for the quoted lines at the quoted prices.
 */
export function ScheduleVisitDrawer({ quote, open, onOpenChange }: { quote: Quote; open: boolean; onOpenChange: (open: boolean) => void }) {
  const queryClient = useQueryClient()
  const serviceId = visitServiceId(quote)
  const [from, setFrom] = useState("")
  const [day, setDay] = useState("")
  const [startsAt, setStartsAt] = useState("")
  const [cardId, setCardId] = useState("")
  const [locationId, setLocationId] = useState("")
  const cards = useSavedCards(quote.customer_id)
  const profile = useCustomerProfile(quote.address_id ? "" : quote.customer_id)
  const locations = profile.data?.profile.locations ?? []
  const chosenLocation = quote.address_id ? "" : locationId || locations[0]?.id || ""
  const book = useMutation({
    mutationFn: () =>
      adminFetch<{ booking: { id: string; booking_number: string } }>(`/admin/quotes/${quote.id}/schedule`, {
        body: { starts_at: startsAt, ...(cardId ? { saved_card_id: cardId } : {}), ...(chosenLocation ? { location: { address_id: chosenLocation } } : {}) },
      }),
    onSuccess: async ({ booking }) => {
      toast.success(`Booking ${booking.booking_number} made`, { description: "The customer has the confirmation by email." })
      onOpenChange(false)
      await queryClient.invalidateQueries({ queryKey: quoteQueryKeys.detail(quote.id) })
    },
  })
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content data-testid="schedule-visit-drawer">
        <Drawer.Header>
          <Heading>Schedule visit</Heading>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
          {!serviceId ? (
            <Text size="small">This quote has no service from the catalogue to take arrival times from. Book the visit from New booking instead.</Text>
          ) : (
            <WindowChoice
              serviceId={serviceId}
              from={from}
              day={day}
              startsAt={startsAt}
              onPage={(next) => setFrom(next)}
              onDay={(next) => setDay(next)}
              onWindow={(next) => setStartsAt(next)}
            />
          )}
          {!quote.address_id && (
            <div className="flex flex-col gap-y-2">
              <Label size="small" weight="plus">
                Where
              </Label>
              {locations.length === 0 && <Text size="small">The customer has no saved locations. Add one on their page first.</Text>}
              <RadioGroup value={chosenLocation} onValueChange={setLocationId} className="flex flex-col gap-y-2">
                {locations.map((location) => (
                  <Choice key={location.id} value={location.id} id={`schedule-location-${location.id}`} label={formatAddress(location)} />
                ))}
              </RadioGroup>
            </div>
          )}
          <div className="flex flex-col gap-y-2">
            <Label size="small" weight="plus">
              Payment
            </Label>
            <RadioGroup value={cardId || ON_THE_DAY} onValueChange={(value) => setCardId(value === ON_THE_DAY ? "" : value)} className="flex flex-col gap-y-2">
              <Choice value={ON_THE_DAY} id="schedule-pay-on-the-day" label="Pay on the day" />
              {(cards.data?.saved_cards ?? [])
                .filter((card) => !isCardExpired(card))
                .map((card) => (
                  <Choice key={card.id} value={card.id} id={`schedule-card-${card.id}`} label={cardLabel(card)} />
                ))}
            </RadioGroup>
          </div>
          {book.error && (
            <Text size="small" className="text-ui-fg-error" data-testid="schedule-visit-error">
              {book.error.message}
            </Text>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              Cancel
            </Button>
          </Drawer.Close>
          <Button size="small" disabled={!startsAt} isLoading={book.isPending} onClick={() => book.mutate()} data-testid="schedule-visit-submit">
            Book the visit
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
