import { Label, RadioGroup, Text } from "@medusajs/ui"
import { cardLabel, formatMoney, isCardExpired as expired, type AdminBookingPriceRequest } from "@fieldservice/contract"
import { useBookingPrice, useSavedCards } from "../../../../lib/new-booking"

type Props = { customerId: string; cardId: string; onCard: (cardId: string) => void; priceFor: AdminBookingPriceRequest | null }

const ON_THE_DAY = "on-the-day"

/**
 * How the visit is paid (on the day, or reserved on one of the customer's saved cards and taken
 * after the visit) and what it costs, priced by Medusa as the order will be.
 */
export function PaymentChoice({ customerId, cardId, onCard, priceFor }: Props) {
  const cards = useSavedCards(customerId)
  const price = useBookingPrice(customerId, priceFor)
  return (
    <div className="flex flex-col gap-y-4">
      <RadioGroup value={cardId || ON_THE_DAY} onValueChange={(value) => onCard(value === ON_THE_DAY ? "" : value)} className="flex flex-col gap-y-2">
        <div className="flex items-center gap-x-2">
          <RadioGroup.Item value={ON_THE_DAY} id="new-booking-pay-on-the-day" data-testid="new-booking-pay-on-the-day" />
          <Label htmlFor="new-booking-pay-on-the-day" size="small">
            Pay on the day
          </Label>
        </div>
        {(cards.data?.saved_cards ?? []).map((card) => (
          <div key={card.id} className="flex items-center gap-x-2">
            <RadioGroup.Item value={card.id} id={`new-booking-card-${card.id}`} disabled={expired(card)} data-testid="new-booking-card" />
            <Label htmlFor={`new-booking-card-${card.id}`} size="small">
              {cardLabel(card)}, expires {String(card.exp_month).padStart(2, "0")}/{String(card.exp_year).slice(-2)}
              {expired(card) ? (
                <span className="text-ui-fg-error"> · expired</span>
              ) : card.is_default ? (
                <span className="text-ui-fg-subtle"> · default</span>
              ) : null}
            </Label>
          </div>
        ))}
      </RadioGroup>
      {cards.data && !cards.data.card_payments && (
        <Text size="small" className="text-ui-fg-subtle">
          Card payments aren’t set up, so visits are paid on the day.
        </Text>
      )}
      {cards.error && (
        <Text size="small" className="text-ui-fg-error">
          {cards.error.message}
        </Text>
      )}
      <div className="border-ui-border-base flex flex-col gap-y-1 border-t pt-4" data-testid="new-booking-price">
        {!priceFor && (
          <Text size="small" className="text-ui-fg-subtle">
            The price shows once the service, option and location are chosen.
          </Text>
        )}
        {priceFor && price.isLoading && <Text size="small">Working out the price…</Text>}
        {priceFor && price.error && (
          <Text size="small" className="text-ui-fg-error" data-testid="new-booking-price-error">
            {price.error.message}
          </Text>
        )}
        {priceFor && price.data && (
          <>
            {price.data.price.lines.map((line, index) => (
              <div key={index} className="flex justify-between">
                <Text size="small">{line.quantity > 1 ? `${line.quantity} × ${line.title}` : line.title}</Text>
                <Text size="small">{formatMoney(line.total, price.data.price.currency_code)}</Text>
              </div>
            ))}
            <div className="flex justify-between">
              <Text size="small" className="text-ui-fg-subtle">
                Tax
              </Text>
              <Text size="small" className="text-ui-fg-subtle">
                {formatMoney(price.data.price.tax_total, price.data.price.currency_code)}
              </Text>
            </div>
            <div className="flex justify-between">
              <Text size="small" weight="plus">
                Total
              </Text>
              <Text size="small" weight="plus" data-testid="new-booking-total">
                {formatMoney(price.data.price.total, price.data.price.currency_code)}
              </Text>
            </div>
          </>
        )}
      </div>
    </div>
  )
}
