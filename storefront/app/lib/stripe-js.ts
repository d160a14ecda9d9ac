/**
 * The part of Stripe.js (https://docs.stripe.com/js) the portal uses, loaded from Stripe (or, in
 * tests, from STRIPE_JS_URL) in the browser only. Card details are typed into Stripe's own
 * iframe and sent from the browser straight to Stripe.
 */

export type StripeError = { type?: string; code?: string; message?: string }

export type StripeElement = {
  mount(target: HTMLElement | string): void
  on(event: "ready" | "change", handler: (event: { complete?: boolean; empty?: boolean }) => void): void
  destroy(): void
}

export type StripeElements = {
  create(type: "payment", options?: Record<string, unknown>): StripeElement
  submit(): Promise<{ error?: StripeError }>
}

export type StripeClient = {
  elements(options: Record<string, unknown>): StripeElements
  confirmSetup(options: {
    elements: StripeElements
    clientSecret: string
    confirmParams: { return_url: string }
    redirect: "if_required"
  }): Promise<{ error?: StripeError; setupIntent?: { id: string; status: string; payment_method: string | { id: string } | null } }>
}

/** Paying invoices: a new card becomes a PaymentMethod in the browser; the bank's 3-D Secure check runs there too. */
export type StripePayments = {
  createPaymentMethod(options: { elements: StripeElements }): Promise<{ error?: StripeError; paymentMethod?: { id: string } }>
  handleNextAction(options: { clientSecret: string }): Promise<{ error?: StripeError; paymentIntent?: { id: string; status: string } }>
}

type StripeFactory = (publishableKey: string, options?: Record<string, unknown>) => StripeClient & StripePayments

declare global {
  interface Window {
    Stripe?: StripeFactory
  }
}

let loading: Promise<StripeFactory> | null = null

/** Adds Stripe.js to the page once and waits for it. */
export function loadStripeJs(url: string): Promise<StripeFactory> {
  if (window.Stripe) return Promise.resolve(window.Stripe)
  loading ??= new Promise<StripeFactory>((resolve, reject) => {
    const script = document.createElement("script")
    script.src = url
    script.async = true
    script.addEventListener("load", () => (window.Stripe ? resolve(window.Stripe) : reject(new Error("Stripe.js did not start"))))
    script.addEventListener("error", () => {
      loading = null
      reject(new Error("Stripe.js could not be loaded"))
    })
    document.head.appendChild(script)
  })
  return loading
}
