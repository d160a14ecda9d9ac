import { Button, Drawer, Text, toast } from "@medusajs/ui"
import { type FormEvent, useEffect, useRef, useState } from "react"
import { FormError } from "../../components/entry-drawer"
import { type CardFormElements, type CardFormStripe, startCardSetup, stripeJs, useRefreshCards } from "../../lib/saved-cards"
import type { AdminStripeSettings } from "@fieldservice/contract"

type FormState = "loading" | "ready" | "saving" | "failed"

/**
 * "Add card": Stripe's own card form (Payment Element, cards only), as in the portal. The card
 * goes from this browser straight to Stripe; our server only makes the SetupIntent, when staff
 * press Save, and never sees the number.
 */
export function AddCardDrawer({
  customerId,
  stripe,
  open,
  onOpenChange,
}: {
  customerId: string
  stripe: AdminStripeSettings & { publishable_key: string }
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content data-testid="saved-card-add-drawer">
        <Drawer.Header>
          <Drawer.Title className="h2-core font-sans font-medium">Add card</Drawer.Title>
          <Drawer.Description className="text-ui-fg-subtle txt-small">
            The card is saved with Stripe for this customer. Only the brand, last four digits and expiry are shown here.
          </Drawer.Description>
        </Drawer.Header>
        {/* Mounted only while open: each opening starts a fresh card form. */}
        <CardForm customerId={customerId} stripe={stripe} onDone={() => onOpenChange(false)} />
      </Drawer.Content>
    </Drawer>
  )
}

function CardForm({ customerId, stripe, onDone }: { customerId: string; stripe: AdminStripeSettings & { publishable_key: string }; onDone: () => void }) {
  const mountRef = useRef<HTMLDivElement>(null)
  const loaded = useRef<{ client: CardFormStripe; elements: CardFormElements } | null>(null)
  const [state, setState] = useState<FormState>("loading")
  const [error, setError] = useState<string | null>(null)
  const refresh = useRefreshCards(customerId)

  useEffect(() => {
    let cancelled = false
    let destroy: (() => void) | null = null
    stripeJs(stripe.js_url)
      .then((Stripe) => {
        if (cancelled || !mountRef.current) return
        const client = Stripe(stripe.publishable_key)
        const elements = client.elements({ mode: "setup", currency: "gbp", paymentMethodTypes: ["card"] })
        const element = elements.create("payment", { layout: "tabs" })
        element.mount(mountRef.current)
        destroy = () => element.destroy()
        loaded.current = { client, elements }
        setState("ready")
      })
      .catch(() => {
        if (cancelled) return
        setState("failed")
        setError("Stripe’s card form could not be loaded. Check the connection and open Add card again.")
      })
    return () => {
      cancelled = true
      destroy?.()
    }
  }, [stripe.js_url, stripe.publishable_key])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const form = loaded.current
    if (!form || state !== "ready") return
    setState("saving")
    setError(null)
    const fail = (message: string | undefined) => {
      setError(message || "The card could not be saved. Check the details and try again.")
      setState("ready")
    }
    const checked = await form.elements.submit()
    if (checked.error) return fail(checked.error.message)
    let clientSecret: string
    try {
      clientSecret = (await startCardSetup(customerId)).setup_intent.client_secret
    } catch (caught) {
      return fail((caught as Error).message)
    }
    const result = await form.client.confirmSetup({
      elements: form.elements,
      clientSecret,
      // Cards don't leave the page; Stripe wants somewhere to return to for methods that do.
      confirmParams: { return_url: window.location.href },
      redirect: "if_required",
    })
    if (result.error) return fail(result.error.message)
    toast.success("Card added")
    await refresh()
    onDone()
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
        <FormError error={error} testId="saved-card-add-error" />
        {state === "loading" && (
          <Text size="small" className="text-ui-fg-subtle">
            Loading Stripe’s card form…
          </Text>
        )}
        <div ref={mountRef} data-testid="saved-card-element" hidden={state === "failed"} />
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button" data-testid="saved-card-add-cancel">
            Cancel
          </Button>
        </Drawer.Close>
        <Button size="small" type="submit" isLoading={state === "saving"} disabled={state !== "ready" && state !== "saving"} data-testid="saved-card-add-save">
          Save card
        </Button>
      </Drawer.Footer>
    </form>
  )
}
