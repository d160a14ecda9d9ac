import Medusa, { FetchError } from "@medusajs/js-sdk";
import {
  createCookieSessionStorage,
  redirect,
  type Session,
} from "@remix-run/node";

/* ------------------------------------------------------------------ */
/* Configuration (server only)                                         */
/* ------------------------------------------------------------------ */

const DEFAULT_BACKEND_URL = "http://localhost:9000";
const DEFAULT_SESSION_SECRET = "dev-portal-session-secret";
const DEFAULT_BUSINESS_NAME = "Brightside Home Services";

export function getBusinessName(): string {
  return process.env.PORTAL_BUSINESS_NAME?.trim() || DEFAULT_BUSINESS_NAME;
}

/** Thrown when the portal cannot talk to the store API because it is not configured. */
export class PortalConfigError extends Error {}

/**
 * One SDK instance per backend URL + key. It never holds a customer token:
 * `jwtTokenStorageMethod: "nostore"` and every customer call passes its own
 * `authorization` header, so interleaved requests cannot leak tokens.
 */
let cachedSdk: { key: string; sdk: Medusa } | undefined;

function getSdk(): Medusa {
  const baseUrl = process.env.MEDUSA_BACKEND_URL?.trim() || DEFAULT_BACKEND_URL;
  const publishableKey = process.env.MEDUSA_PUBLISHABLE_KEY?.trim();
  if (!publishableKey) {
    throw new PortalConfigError(
      "MEDUSA_PUBLISHABLE_KEY is not set, so the portal cannot reach the store."
    );
  }
  const cacheKey = `${baseUrl}\n${publishableKey}`;
  if (cachedSdk?.key !== cacheKey) {
    cachedSdk = {
      key: cacheKey,
      sdk: new Medusa({
        baseUrl,
        publishableKey,
        auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
      }),
    };
  }
  return cachedSdk.sdk;
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** HTTP status of a failed Medusa call, if it got as far as an HTTP response. */
export function errorStatus(error: unknown): number | undefined {
  if (error instanceof FetchError) return error.status;
  if (error && typeof error === "object" && "status" in error) {
    const status = (error as { status: unknown }).status;
    return typeof status === "number" ? status : undefined;
  }
  return undefined;
}

/** A message that is safe and useful to show a customer. */
export function describeError(error: unknown): string {
  if (error instanceof PortalConfigError) {
    return `This portal is not set up yet: ${error.message} Please try again later.`;
  }
  return "We can't reach our booking system right now. Please try again in a few minutes.";
}

/* ------------------------------------------------------------------ */
/* Session                                                             */
/* ------------------------------------------------------------------ */

type SessionData = { token: string };

let cachedStorage: ReturnType<typeof createStorage> | undefined;

function createStorage() {
  return createCookieSessionStorage<SessionData>({
    cookie: {
      name: "portal_session",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: process.env.PORTAL_SECURE_COOKIES === "true",
      secrets: [process.env.SESSION_SECRET || DEFAULT_SESSION_SECRET],
      maxAge: 60 * 60 * 24 * 7,
    },
  });
}

function storage() {
  cachedStorage ??= createStorage();
  return cachedStorage;
}

export function getSession(request: Request) {
  return storage().getSession(request.headers.get("Cookie"));
}

export function commitSession(session: Session<SessionData>) {
  return storage().commitSession(session);
}

export function destroySession(session: Session<SessionData>) {
  return storage().destroySession(session);
}

export async function getToken(request: Request): Promise<string | undefined> {
  const session = await getSession(request);
  return session.get("token") || undefined;
}

function signInUrl(redirectTo: string): string {
  // "/" is legal in a query string; keep it readable: /sign-in?redirectTo=/account
  return `/sign-in?redirectTo=${encodeURIComponent(redirectTo).replace(/%2F/gi, "/")}`;
}

/** The customer's JWT, or a redirect to the sign-in page. */
export async function requireToken(request: Request): Promise<string> {
  const token = await getToken(request);
  if (!token) {
    const url = new URL(request.url);
    throw redirect(signInUrl(url.pathname + url.search));
  }
  return token;
}

/** Destroys a stale session and sends the customer to sign in again. */
export async function signOutAndRedirect(request: Request): Promise<never> {
  const session = await getSession(request);
  const url = new URL(request.url);
  throw redirect(signInUrl(url.pathname + url.search), {
    headers: { "Set-Cookie": await destroySession(session) },
  });
}

/** Only same-site relative paths: "/x" but never "//evil" or "/\evil". */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/account"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) {
    return fallback;
  }
  return to;
}

/* ------------------------------------------------------------------ */
/* Auth                                                                */
/* ------------------------------------------------------------------ */

export type LoginResult =
  | { ok: true; token: string }
  | { ok: false; reason: "invalid" | "unavailable"; message?: string };

export async function login(email: string, password: string): Promise<LoginResult> {
  try {
    const result = await getSdk().auth.login("customer", "emailpass", { email, password });
    if (typeof result !== "string" || !result) {
      // Redirect-based providers ({ location }) and MFA/verification steps are not supported here.
      return {
        ok: false,
        reason: "unavailable",
        message: "This account can't sign in to the portal yet. Please contact us for help.",
      };
    }
    return { ok: true, token: result };
  } catch (error) {
    if (errorStatus(error) === 401) return { ok: false, reason: "invalid" };
    return { ok: false, reason: "unavailable", message: describeError(error) };
  }
}

/* ------------------------------------------------------------------ */
/* Store API                                                           */
/* ------------------------------------------------------------------ */

export type Service = {
  id: string;
  title: string;
  handle: string | null;
  summary: string;
  fromPrice: string | null;
};

type StoreProduct = {
  id: string;
  title: string;
  handle?: string | null;
  description?: string | null;
  variants?: Array<{
    calculated_price?: { calculated_amount?: number | null } | null;
  }> | null;
};

function summarize(text: string | null | undefined, max = 160): string {
  const clean = (text ?? "").replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:]+$/, "")}…`;
}

function formatMoney(amount: number, currencyCode: string): string {
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: currencyCode.toUpperCase(),
  }).format(amount);
}

export async function listServices(): Promise<Service[]> {
  const sdk = getSdk();
  const { regions } = await sdk.client.fetch<{
    regions: Array<{ id: string; currency_code: string }>;
  }>("/store/regions", { query: { limit: 1 } });
  const region = regions[0];

  const { products } = await sdk.client.fetch<{ products: StoreProduct[] }>("/store/products", {
    query: region
      ? {
          region_id: region.id,
          fields: "id,title,handle,description,thumbnail,*variants.calculated_price",
          limit: 50,
        }
      : { fields: "id,title,handle,description,thumbnail", limit: 50 },
  });

  return products.map((product) => {
    const amounts = (product.variants ?? [])
      .map((variant) => variant.calculated_price?.calculated_amount)
      .filter((amount): amount is number => typeof amount === "number");
    return {
      id: product.id,
      title: product.title,
      handle: product.handle ?? null,
      summary: summarize(product.description),
      fromPrice:
        region && amounts.length > 0 ? formatMoney(Math.min(...amounts), region.currency_code) : null,
    };
  });
}

export type Faq = { id: string; question: string; answer: string; category: string | null; order: number };

export async function listFaqs(): Promise<Faq[]> {
  const { faqs } = await getSdk().client.fetch<{ faqs: Faq[] }>("/store/content/faqs");
  return faqs;
}

export type Terms = {
  id: string;
  title: string;
  slug: string;
  body: string;
  version: number | string;
  publishedAt: string | null;
};

export async function listTerms(): Promise<Terms[]> {
  const { terms } = await getSdk().client.fetch<{ terms: Terms[] }>("/store/content/terms");
  return terms;
}

export type Customer = {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
};

export async function getCustomer(token: string): Promise<Customer> {
  const { customer } = await getSdk().client.fetch<{ customer: Customer }>("/store/customers/me", {
    headers: bearer(token),
  });
  return customer;
}

export type Profile = {
  id: string;
  kind: "personal" | "business";
  status: "active" | "blocked" | "archived";
};

export async function getProfile(token: string): Promise<Profile> {
  const { profile } = await getSdk().client.fetch<{ profile: Profile }>(
    "/store/customers/me/profile",
    { headers: bearer(token) }
  );
  return profile;
}
