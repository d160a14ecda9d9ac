import { EllipsisHorizontal, Plus } from "@medusajs/icons"
import { Badge, Button, DropdownMenu, IconButton, Text, usePrompt } from "@medusajs/ui"
import { useRef, useState } from "react"
import { brandName, cardLabel, expiryText, isCardExpired, type StoreSavedCard as SavedCard } from "@fieldservice/contract"
import { useCardAction, useSavedCards, useStripeSettings } from "../../lib/saved-cards"
import { AddCardDrawer } from "./add-card-drawer"
import { ProfileSection } from "./section"

/** The customer's saved cards (kept by Stripe): set the default, remove one, add one through Stripe's card form. */
export function SavedCards({ customerId }: { customerId: string }) {
  const cards = useSavedCards(customerId)
  const stripe = useStripeSettings()
  const [adding, setAdding] = useState(false)
  const publishableKey = stripe.data?.stripe.publishable_key ?? null
  const enabled = cards.data?.card_payments === true

  return (
    <ProfileSection
      title="Saved cards"
      description="Cards kept by Stripe for bookings; the default is chosen first."
      testId="customer-saved-cards"
      action={
        enabled && publishableKey ? (
          <Button size="small" variant="secondary" onClick={() => setAdding(true)} data-testid="saved-card-add">
            <Plus />
            Add card
          </Button>
        ) : null
      }
    >
      {cards.isLoading && <Muted>Loading cards…</Muted>}
      {cards.isError && (
        <Text size="small" leading="compact" className="text-ui-fg-error" data-testid="saved-cards-error">
          {cards.error.message || "The saved cards could not be loaded."}
        </Text>
      )}
      {cards.data && !enabled && <Muted testId="saved-cards-off">Card payments aren’t set up for this business, so visits are paid on the day.</Muted>}
      {enabled && stripe.data && !publishableKey && (
        <Muted testId="saved-cards-no-form">Adding a card here needs Stripe’s publishable key (STRIPE_PUBLISHABLE_KEY) on the server.</Muted>
      )}
      {enabled && cards.data?.saved_cards.length === 0 && <Muted testId="saved-cards-empty">No saved cards.</Muted>}
      {enabled && !!cards.data?.saved_cards.length && (
        <ul className="flex flex-col divide-y">
          {cards.data.saved_cards.map((card) => (
            <CardRow key={card.id} customerId={customerId} card={card} />
          ))}
        </ul>
      )}
      {publishableKey && stripe.data && (
        <AddCardDrawer customerId={customerId} stripe={{ ...stripe.data.stripe, publishable_key: publishableKey }} open={adding} onOpenChange={setAdding} />
      )}
    </ProfileSection>
  )
}

function CardRow({ customerId, card }: { customerId: string; card: SavedCard }) {
  const prompt = usePrompt()
  const setDefault = useCardAction(customerId, "default")
  const remove = useCardAction(customerId, "remove")
  // The menu gives focus back to its trigger when it closes; not while the prompt it opened is up.
  const opensPrompt = useRef(false)
  const expired = isCardExpired(card)
  const busy = setDefault.isPending || remove.isPending

  const confirmRemove = async () => {
    opensPrompt.current = true
    const confirmed = await prompt({
      variant: "danger",
      title: "Remove card?",
      description: `${cardLabel(card)} will be removed from this customer’s saved cards in Stripe. It can’t be used for bookings afterwards.`,
      confirmText: "Remove",
      cancelText: "Cancel",
    })
    if (confirmed) remove.mutate(card.id)
  }

  return (
    <li className="flex items-center justify-between gap-x-4 py-2 first:pt-0 last:pb-0" data-testid="saved-card" data-card-id={card.id}>
      <div className="flex min-w-0 flex-col gap-y-0.5">
        <div className="flex items-center gap-x-2">
          <Text size="small" weight="plus" leading="compact" data-testid="saved-card-label">
            {brandName(card.brand)} •••• {card.last4}
          </Text>
          {card.is_default && (
            <Badge size="2xsmall" color="blue" data-testid="saved-card-default">
              Default
            </Badge>
          )}
          {expired && (
            <Badge size="2xsmall" color="red" data-testid="saved-card-expired">
              Expired
            </Badge>
          )}
        </div>
        <Text size="small" leading="compact" className={expired ? "text-ui-fg-error" : "text-ui-fg-subtle"} data-testid="saved-card-expiry">
          {expiryText(card)}
        </Text>
      </div>
      <DropdownMenu>
        <DropdownMenu.Trigger asChild>
          <IconButton size="small" variant="transparent" aria-label={`Actions for ${cardLabel(card)}`} disabled={busy} data-testid="saved-card-actions">
            <EllipsisHorizontal />
          </IconButton>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content
          align="end"
          onCloseAutoFocus={(event) => {
            if (opensPrompt.current) event.preventDefault()
            opensPrompt.current = false
          }}
        >
          {!card.is_default && (
            <DropdownMenu.Item disabled={expired} onSelect={() => setDefault.mutate(card.id)} data-testid="saved-card-set-default">
              Set as default
            </DropdownMenu.Item>
          )}
          <DropdownMenu.Item onSelect={() => void confirmRemove()} data-testid="saved-card-remove">
            Remove
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu>
    </li>
  )
}

function Muted({ children, testId }: { children: string; testId?: string }) {
  return (
    <Text size="small" leading="compact" className="text-ui-fg-muted" data-testid={testId}>
      {children}
    </Text>
  )
}
