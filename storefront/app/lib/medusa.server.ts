import {
  createCookieSessionStorage,
  redirect,
  type Session,
} from "@remix-run/node";

import { rememberSignInOrigins } from "./sign-in-origins.server";
import { clientAddressHeaders, cookieSecurity } from "./request-context.server";

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

function getConfig(): { baseUrl: string; publishableKey: string } {
  const baseUrl = process.env.MEDUSA_BACKEND_URL?.trim() || DEFAULT_BACKEND_URL;
  const publishableKey = process.env.MEDUSA_PUBLISHABLE_KEY?.trim();
  if (!publishableKey) {
    throw new PortalConfigError(
      "MEDUSA_PUBLISHABLE_KEY is not set, so the portal cannot reach the store."
    );
  }
  return { baseUrl, publishableKey };
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/**
 * A failed call that got an HTTP answer. It keeps the parsed body, so pages can tell
 * "email_not_verified" from "account_blocked".
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly type: string | undefined;
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>, statusText = "") {
    const message = typeof body.message === "string" && body.message ? body.message : statusText;
    super(message || `Request failed with status ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.body = body;
    this.code = typeof body.code === "string" ? body.code : undefined;
    this.type = typeof body.type === "string" ? body.type : undefined;
  }

  /** Seconds to wait before trying again (429 answers). */
  get retryAfterSeconds(): number | undefined {
    const value = Number(this.body.retry_after_seconds);
    return Number.isFinite(value) && value > 0 ? value : undefined;
  }
}

const API_TIMEOUT_MS = 15_000;

type ApiInit = {
  method?: "GET" | "POST" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as multipart/form-data instead of `body` (file uploads); fetch sets the boundary. */
  form?: FormData;
  token?: string;
  query?: URLSearchParams | Record<string, string>;
};

/**
 * A JSON call to the backend with the publishable key. Errors keep their body, so pages can
 * tell one refusal from another.
 */
export async function apiFetch<T>(path: string, init: ApiInit = {}): Promise<T> {
  const { baseUrl, publishableKey } = getConfig();
  const base = new URL(baseUrl);
  const url = new URL(`${base.pathname.replace(/\/$/, "")}/${path.replace(/^\//, "")}`, base.origin);
  if (init.query) {
    new URLSearchParams(init.query).forEach((value, key) => url.searchParams.append(key, value));
  }
  const headers: Record<string, string> = {
    accept: "application/json",
    "x-publishable-api-key": publishableKey,
    ...(init.token ? bearer(init.token) : {}),
    ...clientAddressHeaders(),
  };
  if (init.body !== undefined && !init.form) headers["content-type"] = "application/json";
  const hasBody = init.body !== undefined || init.form !== undefined;

  const response = await fetch(url, {
    method: init.method ?? (hasBody ? "POST" : "GET"),
    headers,
    body: init.form ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    signal: AbortSignal.timeout(API_TIMEOUT_MS),
  });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    const body = parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
    throw new ApiError(response.status, body, response.statusText);
  }
  return (parsed ?? {}) as T;
}

/** What went wrong, in a form a page can show: the backend's own message for 4xx answers. */
export type Problem = {
  status: number;
  code?: string;
  message: string;
  retryAfterSeconds?: number;
};

export function toProblem(error: unknown): Problem {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
    const ownMessage = typeof error.body.message === "string" && error.body.message.trim() !== "";
    // A 404 here means the backend doesn't offer this yet; its wording isn't for customers.
    const message =
      error.status === 404
        ? "This isn't available right now. Please try again later or contact us."
        : ownMessage
          ? error.message
          : "Something went wrong. Please check your details and try again.";
    return { status: error.status, code: error.code, message, retryAfterSeconds: error.retryAfterSeconds };
  }
  if (!(error instanceof PortalConfigError)) console.error("Backend call failed", error);
  return { status: 503, message: describeError(error) };
}

/** "Try again in 5 minutes" for a 429, unless the backend's message already says when. */
export function retryHint(problem: Problem): string | null {
  if (!problem.retryAfterSeconds || /\d/.test(problem.message)) return null;
  const minutes = Math.max(1, Math.ceil(problem.retryAfterSeconds / 60));
  return `You can try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** HTTP status of a failed backend call, if it got as far as an HTTP response. */
export function errorStatus(error: unknown): number | undefined {
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

type SessionData = {
  /** A full customer session. */
  token: string;
  /** A restricted booking-number session: only reaches /store/portal/booking-session. */
  bookingToken: string;
  /** "<provider>:<state>" of the Google/Facebook sign-in this browser started. */
  oauthState: string;
  /** The email a sign-up link went to, for "Send the link again". */
  pendingEmail: string;
};

export type AccountNotice = { code: string; message: string };
type FlashData = {
  accountNotice: AccountNotice;
  /** A one-time confirmation shown at the top of /account ("Business profile saved"). */
  accountMessage: string;
  /** A one-time problem shown at the top of the next page ("Biscuit was saved, but the photo wasn't"). */
  pageError: string;
};

export type PortalSession = Session<SessionData, FlashData>;

let cachedStorage: ReturnType<typeof createStorage> | undefined;

function createStorage() {
  return createCookieSessionStorage<SessionData, FlashData>({
    cookie: {
      name: "portal_session",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
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

export function commitSession(session: PortalSession) {
  return storage().commitSession(session, cookieSecurity());
}

export function destroySession(session: PortalSession) {
  return storage().destroySession(session, cookieSecurity());
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

/**
 * The account may not be used any more (blocked, archived): sign out, keep the backend's
 * message for one page view and show it on /account-on-hold.
 */
export async function accountOnHoldRedirect(request: Request, notice: AccountNotice): Promise<never> {
  const session = await getSession(request);
  session.unset("token");
  session.unset("bookingToken");
  session.flash("accountNotice", notice);
  throw redirect("/account-on-hold", {
    headers: { "Set-Cookie": await commitSession(session) },
  });
}

/** Back to /account, showing `message` there once. */
export async function redirectToAccount(request: Request, message: string): Promise<ReturnType<typeof redirect>> {
  const session = await getSession(request);
  session.flash("accountMessage", message);
  return redirect("/account", {
    headers: { "Set-Cookie": await commitSession(session) },
  });
}

/** To `path`, showing `message` there once as an error (read it with `takePageError`). */
export async function redirectWithPageError(request: Request, path: string, message: string) {
  const session = await getSession(request);
  session.flash("pageError", message);
  return redirect(path, {
    headers: { "Set-Cookie": await commitSession(session) },
  });
}

/** The flashed page error, if any, and the cookie that forgets it. */
export async function takePageError(request: Request): Promise<{ pageError: string | null; headers: HeadersInit }> {
  const session = await getSession(request);
  const pageError = session.get("pageError") ?? null;
  return { pageError, headers: { "Set-Cookie": await commitSession(session) } };
}

/** 401: the session is over. 403: the account is on hold or closed. Both sign the customer out. */
export async function signOutIfRefused(request: Request, problem: Problem): Promise<void> {
  if (problem.status === 401) {
    await signOutAndRedirect(request);
  }
  if (problem.status === 403) {
    await accountOnHoldRedirect(request, {
      code: problem.code ?? "account_blocked",
      message: problem.message,
    });
  }
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
  /** 401: wrong email and password (or booking number). */
  | { ok: false; reason: "invalid"; message?: string }
  /** 403 / 429 and other refusals, with the backend's code and message. */
  | { ok: false; reason: "refused"; problem: Problem }
  | { ok: false; reason: "unavailable"; message: string };

async function tokenLogin(path: string, body: Record<string, string>): Promise<LoginResult> {
  try {
    const result = await apiFetch<{ token?: unknown; location?: unknown }>(path, { method: "POST", body });
    if (typeof result.token !== "string" || !result.token) {
      // Redirect-based providers ({ location }) and MFA/verification steps are not supported here.
      return {
        ok: false,
        reason: "unavailable",
        message: "This account can't sign in to the portal yet. Please contact us for help.",
      };
    }
    return { ok: true, token: result.token };
  } catch (error) {
    const problem = toProblem(error);
    if (problem.status === 401) return { ok: false, reason: "invalid", message: problem.message };
    if (problem.status === 503) return { ok: false, reason: "unavailable", message: problem.message };
    return { ok: false, reason: "refused", problem };
  }
}

export function login(email: string, password: string): Promise<LoginResult> {
  return tokenLogin("/auth/customer/emailpass", { email, password });
}

/** A restricted session that can only see the bookings made with this email. */
export function bookingLogin(email: string, bookingNumber: string): Promise<LoginResult> {
  return tokenLogin("/auth/customer/booking-number", { email, booking_number: bookingNumber });
}

/**
 * Always "sent" from the customer's point of view; throws when the backend can't be reached,
 * or with a 429 when too many emails were asked for (counted whether or not there is an account).
 */
export async function requestPasswordReset(email: string): Promise<void> {
  try {
    await apiFetch("/auth/customer/emailpass/reset-password", { method: "POST", body: { identifier: email } });
  } catch (error) {
    // Any other 4xx answer is still shown as "sent", so the form can't tell who has an account.
    if (error instanceof ApiError && error.status < 500 && error.status !== 429) return;
    throw error;
  }
}

/** "Email me a sign-in link": the same answer whether or not there is an account (429 when asked too often). */
export async function requestSignInLink(email: string): Promise<void> {
  await apiFetch("/store/portal/sign-in-link", { method: "POST", body: { email } });
}

/** Signs in with the token of an emailed sign-in link (single use, 15 minutes). */
export function linkLogin(token: string): Promise<LoginResult> {
  return tokenLogin("/auth/customer/magic-link", { token });
}

export async function resetPassword(resetToken: string, email: string, password: string): Promise<void> {
  await apiFetch("/auth/customer/emailpass/update", {
    method: "POST",
    token: resetToken,
    body: { email, password },
  });
}

export const SOCIAL_PROVIDERS = ["google", "facebook"] as const;
export type SocialProvider = (typeof SOCIAL_PROVIDERS)[number];

export function isSocialProvider(value: string | undefined): value is SocialProvider {
  return (SOCIAL_PROVIDERS as readonly string[]).includes(value ?? "");
}

export const SOCIAL_PROVIDER_NAMES: Record<SocialProvider, string> = {
  google: "Google",
  facebook: "Facebook",
};

/** Where to send the browser to sign in with Google or Facebook. */
export async function startSocialLogin(provider: SocialProvider, callbackUrl: string): Promise<string> {
  const { location } = await apiFetch<{ location?: unknown }>(`/auth/customer/${provider}`, {
    query: { callback_url: callbackUrl },
  });
  if (typeof location !== "string" || !/^https?:\/\//i.test(location)) {
    throw new Error(`The ${provider} sign-in did not return a location`);
  }
  return location;
}

/**
 * The provider sent the browser back: trade the code for a token, make sure there is a
 * customer for it, then refresh the token so it acts as that customer.
 */
export async function completeSocialLogin(
  provider: SocialProvider,
  callbackQuery: URLSearchParams
): Promise<string> {
  const { token } = await apiFetch<{ token?: unknown }>(`/auth/customer/${provider}/callback`, {
    method: "POST",
    query: callbackQuery,
  });
  if (typeof token !== "string" || !token) {
    throw new ApiError(401, { message: "We couldn't sign you in. Please try again." });
  }
  await apiFetch("/store/portal/social/complete", { method: "POST", token, body: {} });
  const refreshed = await apiFetch<{ token?: unknown }>("/auth/token/refresh", { method: "POST", token, body: {} });
  if (typeof refreshed.token !== "string" || !refreshed.token) {
    throw new ApiError(401, { message: "We couldn't sign you in. Please try again." });
  }
  return refreshed.token;
}

/* ------------------------------------------------------------------ */
/* Store API                                                           */
/* ------------------------------------------------------------------ */

/** A bookable service as the portal lists it (GET /store/services). Amounts are in the currency's main unit. */
export type Service = {
  id: string;
  handle: string;
  title: string;
  summary: string | null;
  description: string | null;
  thumbnail: string | null;
  duration_minutes: number;
  starting_rate: number;
  /** Lowercase, e.g. "gbp". */
  currency_code: string;
  /** Postcode areas served ("BS", "BS6"); empty means everywhere. */
  service_areas: string[];
  /** How long the arrival windows are. */
  window_minutes: number;
};

/** One of a service's options ("3 bedrooms") with its price, null when it has none in the currency. */
export type ServiceVariant = {
  id: string;
  title: string;
  options: Array<{ title: string | null; value: string }>;
  price: number | null;
};

export type ServiceDetail = Service & { variants: ServiceVariant[] };

function toService<T extends Service>(service: T): T {
  return {
    ...service,
    summary: service.summary?.trim() || null,
    description: service.description?.trim() || null,
    starting_rate: Number(service.starting_rate) || 0,
    service_areas: list(service.service_areas),
  };
}

/** The services the business offers; with a postcode, only those offered there. */
export async function listServices(postalCode?: string): Promise<Service[]> {
  const { services } = await apiFetch<{ services?: Service[] }>("/store/services", {
    query: postalCode ? { postal_code: postalCode } : undefined,
  });
  return list(services).map(toService);
}

/** One service by handle (or id) with its options and prices; null when there is no such service. */
export async function getService(idOrHandle: string): Promise<ServiceDetail | null> {
  try {
    const { service } = await apiFetch<{ service: ServiceDetail }>(`/store/services/${encodeURIComponent(idOrHandle)}`);
    return { ...toService(service), variants: list(service.variants) };
  } catch (error) {
    if (errorStatus(error) === 404) return null;
    throw error;
  }
}

export type ArrivalWindow = { starts_at: string; ends_at: string; remaining: number };
export type Availability = { time_zone: string; windows: ArrivalWindow[] };

/** Free arrival windows for `days` days from `from` (YYYY-MM-DD in the business's time zone; default now). */
export async function getAvailability(serviceId: string, from: string | undefined, days = 14): Promise<Availability> {
  const query: Record<string, string> = { days: String(days) };
  if (from) query.from = from;
  const result = await apiFetch<Partial<Availability>>(
    `/store/services/${encodeURIComponent(serviceId)}/availability`,
    { query }
  );
  return { time_zone: result.time_zone || "Europe/London", windows: list(result.windows) };
}

/* ------------------------------------------------------------------ */
/* Bookings                                                            */
/* ------------------------------------------------------------------ */

export type BookingAddressInput = {
  address_1: string;
  address_2: string | null;
  city: string;
  province: string | null;
  postal_code: string;
  country_code: string;
};

export type PlaceBookingInput = {
  service_id: string;
  variant_id: string;
  starts_at: string;
  /** A saved location, or a new address (the API saves it to the customer's locations under `label`). */
  location: { address_id: string } | { address: BookingAddressInput; label?: string | null };
  contact?: { name?: string | null; email?: string | null; phone?: string | null };
  business_profile_id?: string | null;
  additional_contact_id?: string | null;
  dependent_ids?: string[];
  instructions?: string | null;
  /** One of the customer's saved cards; without one the visit is paid on the day. */
  saved_card_id?: string | null;
};

/** One of the customer's bookings (the API's booking record). */
export type CustomerBooking = {
  id: string;
  booking_number: string;
  status: string;
  service_title: string;
  option_title: string | null;
  starts_at: string;
  /** When the work should be done: the arrival plus the service's duration. */
  ends_at: string | null;
  location_text: string | null;
  /** The address as booked, with the end of the arrival window. */
  location: (Partial<BookingAddressInput> & { window_ends_at?: string | null }) | null;
  contact: { name?: string | null; email?: string | null; phone?: string | null } | null;
  business_profile_id: string | null;
  additional_contact_id: string | null;
  dependent_ids: string[];
  instructions: string | null;
  order_id: string | null;
  /** The saved card the visit is charged to (null: paid on the day). */
  card: { id: string; brand: string; last4: string; exp_month: number; exp_year: number } | null;
};

function toCustomerBooking(booking: CustomerBooking): CustomerBooking {
  return {
    ...booking,
    option_title: booking.option_title || null,
    ends_at: booking.ends_at || null,
    location_text: booking.location_text?.trim() || null,
    location: booking.location && typeof booking.location === "object" ? booking.location : null,
    contact: booking.contact && typeof booking.contact === "object" ? booking.contact : null,
    dependent_ids: list(booking.dependent_ids),
    instructions: booking.instructions?.trim() || null,
    card: booking.card && typeof booking.card === "object" ? booking.card : null,
  };
}

const bookingsPath = (id?: string) =>
  id === undefined ? "/store/customers/me/bookings" : `/store/customers/me/bookings/${encodeURIComponent(id)}`;

/**
 * Throws ApiError: 400 with a readable message (a time that has passed, a postcode not served),
 * 404 for a location, profile, contact or dependent that isn't the customer's, 409 when the
 * window has just been taken.
 */
export async function placeBooking(token: string, input: PlaceBookingInput): Promise<CustomerBooking> {
  const { booking } = await apiFetch<{ booking: CustomerBooking }>(bookingsPath(), { method: "POST", token, body: input });
  return toCustomerBooking(booking);
}

export type BookingPage = { bookings: CustomerBooking[]; count: number; limit: number; offset: number };

export async function listMyBookings(
  token: string,
  options: { when: "upcoming" | "past"; order?: "asc" | "desc"; limit: number; offset: number }
): Promise<BookingPage> {
  const query: Record<string, string> = {
    when: options.when,
    limit: String(options.limit),
    offset: String(options.offset),
  };
  if (options.order) query.order = options.order;
  const result = await apiFetch<Partial<BookingPage>>(bookingsPath(), { token, query });
  return {
    bookings: list(result.bookings).map(toCustomerBooking),
    count: Number(result.count) || 0,
    limit: Number(result.limit) || options.limit,
    offset: Number(result.offset) || 0,
  };
}

/** One of the customer's bookings, or null (not theirs, or no such booking). */
export async function getMyBooking(token: string, id: string): Promise<CustomerBooking | null> {
  try {
    const { booking } = await apiFetch<{ booking: CustomerBooking }>(bookingsPath(id), { token });
    return toCustomerBooking(booking);
  } catch (error) {
    if (errorStatus(error) === 404) return null;
    throw error;
  }
}

export type Faq = { id: string; question: string; answer: string; category: string | null; order: number };

export async function listFaqs(): Promise<Faq[]> {
  const { faqs } = await apiFetch<{ faqs: Faq[] }>("/store/content/faqs");
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
  const { terms } = await apiFetch<{ terms: Terms[] }>("/store/content/terms");
  return terms;
}

export type Customer = {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
};

/** Throws ApiError: 401 when the session is over, 403 { code: "account_blocked" } when on hold. */
export async function getCustomer(token: string): Promise<Customer> {
  const { customer } = await apiFetch<{ customer: Customer }>("/store/customers/me", { token });
  return customer;
}

/** One of the customer's emails or numbers; each list has one primary entry when it isn't empty. */
export type ContactMethod = {
  id: string;
  kind: "email" | "phone" | "mobile";
  value: string;
  is_primary: boolean;
};

export type Profile = {
  id: string;
  kind: "personal" | "business";
  status: "active" | "blocked" | "archived";
  email_verified_at: string | null;
  /** Other names the customer goes by. */
  additional_names: string[];
  marketing_emails: boolean;
  reminder_emails: boolean;
  first_name: string | null;
  last_name: string | null;
  /** The email they sign in with. */
  account_email: string;
  /** Primary first. */
  emails: ContactMethod[];
  /** Primary first; kind "phone" or "mobile". */
  phones: ContactMethod[];
  /** Served by Medusa (e.g. http://localhost:9000/static/…); null when there is none. */
  picture_url: string | null;
  /** The customer-visible custom fields, in rank order, with this customer's values. */
  custom_fields: CustomFieldWithValue[];
  additional_contacts: AdditionalContact[];
  /** Invoices go to the booking address; any billing address is kept but unused. */
  billing_same_as_booking: boolean;
  /** The customer address with `is_default_billing`. */
  billing_address: Address | null;
  /** The saved locations: every other address. Undefined when the backend doesn't list them yet. */
  locations?: Address[];
};

/** A Medusa customer address. `address_name` is the label ("Home", "Holiday house", "Billing"). */
export type Address = {
  id: string;
  address_name: string | null;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  address_1: string;
  address_2: string | null;
  city: string;
  province: string | null;
  postal_code: string;
  /** Lowercase, e.g. "gb". */
  country_code: string;
  phone: string | null;
  is_default_billing: boolean;
  is_default_shipping: boolean;
};

export type CustomFieldType = "text" | "number" | "date" | "dropdown" | "boolean";

/** Number fields: `{ integer, min?, max? }`; dropdowns: `{ options }`. */
export type CustomFieldConfig = {
  integer?: boolean;
  min?: number;
  max?: number;
  options?: string[];
} | null;

export type CustomFieldDefinition = {
  id: string;
  /** "gate_code" */
  key: string;
  /** "Gate code" */
  label: string;
  type: CustomFieldType;
  required: boolean;
  visibility: "customer" | "staff";
  rank: number;
  help_text: string | null;
  config: CustomFieldConfig;
};

/** string | number | boolean; a date is "YYYY-MM-DD"; null = empty. */
export type CustomFieldValue = string | number | boolean | null;

export type CustomFieldWithValue = CustomFieldDefinition & { value: CustomFieldValue };

/** Someone else to contact about the customer's bookings: a tenant, a site manager. */
export type AdditionalContact = {
  id: string;
  name: string;
  role: string | null;
  emails: string[];
  /** Normalised, e.g. "+447700900123". */
  phones: string[];
};

/** What "Edit info" may change; any subset. `emails` and `phones` are whole lists, sent together. */
export type ProfileInput = Partial<{
  kind: Profile["kind"];
  first_name: string;
  last_name: string;
  additional_names: string[];
  marketing_emails: boolean;
  reminder_emails: boolean;
  emails: Array<{ email: string; is_primary?: boolean }>;
  phones: Array<{ number: string; type: "phone" | "mobile"; is_primary?: boolean }>;
  /** Only the keys sent change; null clears. A bad value is a 400 whose message starts with the field's label. */
  custom_fields: Record<string, CustomFieldValue>;
  billing_same_as_booking: boolean;
}>;

const PROFILE_PATH = "/store/customers/me/profile";

const list = <T,>(value: T[] | null | undefined): T[] => (Array.isArray(value) ? value : []);

/** The lists are always arrays, whatever the backend left out. */
function toProfile(profile: Profile): Profile {
  return {
    ...profile,
    additional_names: list(profile.additional_names),
    emails: list(profile.emails),
    phones: list(profile.phones),
    picture_url: portalFileUrl(profile.picture_url),
    custom_fields: list(profile.custom_fields)
      .filter((field) => field.visibility !== "staff")
      .sort((a, b) => a.rank - b.rank),
    additional_contacts: list(profile.additional_contacts).map(toAdditionalContact),
    billing_same_as_booking: profile.billing_same_as_booking !== false,
    billing_address: profile.billing_address ?? null,
    locations: Array.isArray(profile.locations) ? profile.locations : undefined,
  };
}

function toAdditionalContact(contact: AdditionalContact): AdditionalContact {
  return { ...contact, role: contact.role || null, emails: list(contact.emails), phones: list(contact.phones) };
}

/** Throws ApiError: 401 when the session is over, 403 when the account is on hold. */
export async function getProfile(token: string): Promise<Profile> {
  const { profile } = await apiFetch<{ profile: Profile }>(PROFILE_PATH, { token });
  return toProfile(profile);
}

/** Throws ApiError 400 { message } for a bad value (`"ring me" is not a valid phone number`). */
export async function updateProfile(token: string, input: ProfileInput): Promise<Profile> {
  const { profile } = await apiFetch<{ profile: Profile }>(PROFILE_PATH, { method: "POST", token, body: input });
  return toProfile(profile);
}

/* ------------------------------------------------------------------ */
/* Profile picture                                                     */
/* ------------------------------------------------------------------ */

export function fileForm(file: Blob, filename: string): FormData {
  const form = new FormData();
  form.append("file", file, filename || "upload");
  return form;
}

/** Replaces any earlier picture. Throws ApiError 400 for a file that isn't a JPEG, PNG or WebP of at most 5 MB. */
export async function uploadProfilePicture(token: string, file: Blob, filename: string): Promise<string | null> {
  const { picture_url } = await apiFetch<{ picture_url?: string | null }>(`${PROFILE_PATH}/picture`, {
    method: "POST",
    token,
    form: fileForm(file, filename),
  });
  return portalFileUrl(picture_url);
}

export async function removeProfilePicture(token: string): Promise<void> {
  await apiFetch(`${PROFILE_PATH}/picture`, { method: "DELETE", token });
}

/* ------------------------------------------------------------------ */
/* Additional contacts                                                 */
/* ------------------------------------------------------------------ */

export type AdditionalContactInput = {
  name: string;
  role: string | null;
  emails: string[];
  phones: string[];
};

const contactsPath = (id?: string) =>
  id === undefined
    ? "/store/customers/me/additional-contacts"
    : `/store/customers/me/additional-contacts/${encodeURIComponent(id)}`;

export async function listAdditionalContacts(token: string): Promise<AdditionalContact[]> {
  const { additional_contacts } = await apiFetch<{ additional_contacts?: AdditionalContact[] }>(contactsPath(), {
    token,
  });
  return list(additional_contacts).map(toAdditionalContact);
}

/** One of the customer's own contacts, or null when they have none with this id. */
export async function findAdditionalContact(token: string, id: string): Promise<AdditionalContact | null> {
  const contacts = await listAdditionalContacts(token);
  return contacts.find((contact) => contact.id === id) ?? null;
}

/** Throws ApiError 400 { message } for a bad or repeated email or number. */
export async function createAdditionalContact(token: string, input: AdditionalContactInput): Promise<AdditionalContact> {
  const { additional_contact } = await apiFetch<{ additional_contact: AdditionalContact }>(contactsPath(), {
    method: "POST",
    token,
    body: input,
  });
  return toAdditionalContact(additional_contact);
}

/** Throws ApiError 400 for a bad value, 404 when the contact is not this customer's. */
export async function updateAdditionalContact(
  token: string,
  id: string,
  input: Partial<AdditionalContactInput>
): Promise<AdditionalContact> {
  const { additional_contact } = await apiFetch<{ additional_contact: AdditionalContact }>(contactsPath(id), {
    method: "POST",
    token,
    body: input,
  });
  return toAdditionalContact(additional_contact);
}

export async function deleteAdditionalContact(token: string, id: string): Promise<void> {
  await apiFetch(contactsPath(id), { method: "DELETE", token });
}

/* ------------------------------------------------------------------ */
/* Addresses: billing address and saved locations                      */
/* ------------------------------------------------------------------ */

/** What an address form sends; optional fields are cleared with null. */
export type AddressInput = {
  address_name?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  company?: string | null;
  address_1: string;
  address_2: string | null;
  city: string;
  province: string | null;
  postal_code: string;
  country_code: string;
  phone?: string | null;
};

export type BillingAddressInput = { same_as_booking: true } | { same_as_booking: false; address: AddressInput };

export async function setBillingAddress(
  token: string,
  input: BillingAddressInput
): Promise<{ billing_same_as_booking: boolean; billing_address: Address | null }> {
  const result = await apiFetch<{ billing_same_as_booking?: boolean; billing_address?: Address | null }>(
    "/store/customers/me/billing-address",
    { method: "POST", token, body: input }
  );
  return {
    billing_same_as_booking: result.billing_same_as_booking !== false,
    billing_address: result.billing_address ?? null,
  };
}

const addressesPath = (id?: string) =>
  id === undefined ? "/store/customers/me/addresses" : `/store/customers/me/addresses/${encodeURIComponent(id)}`;

/** Every address of the customer (Medusa's own route), the billing address too. */
export async function listAddresses(token: string): Promise<Address[]> {
  const { addresses } = await apiFetch<{ addresses?: Address[] }>(addressesPath(), {
    token,
    query: { limit: "100" },
  });
  return list(addresses);
}

/** The saved locations: the addresses that are not the billing address. */
export async function listLocations(token: string): Promise<Address[]> {
  return (await listAddresses(token)).filter((address) => !address.is_default_billing);
}

/** One of the customer's saved locations, or null (also for the billing address, which has its own page). */
export async function findLocation(token: string, id: string): Promise<Address | null> {
  try {
    const { address } = await apiFetch<{ address?: Address }>(addressesPath(id), { token });
    return address && !address.is_default_billing ? address : null;
  } catch (error) {
    if (errorStatus(error) === 404) return null;
    throw error;
  }
}

/** Medusa's own route; it answers with the customer. */
export async function createLocation(token: string, input: AddressInput): Promise<void> {
  await apiFetch(addressesPath(), { method: "POST", token, body: input });
}

export async function updateLocation(token: string, id: string, input: AddressInput): Promise<void> {
  await apiFetch(addressesPath(id), { method: "POST", token, body: input });
}

export async function deleteLocation(token: string, id: string): Promise<void> {
  await apiFetch(addressesPath(id), { method: "DELETE", token });
}

/* ------------------------------------------------------------------ */
/* Dependents / assets                                                 */
/* ------------------------------------------------------------------ */

/** A kind of thing the customer can tell us about: pets, vehicles, children… */
export type DependentType = {
  id: string;
  /** "Pet" */
  label_singular: string;
  /** "Pets" */
  label_plural: string;
  rank: number;
  /** Customer-visible fields only. */
  fields: CustomFieldDefinition[];
};

export type Dependent = {
  id: string;
  type_id: string;
  /** The type's label_singular. */
  type_label: string;
  /** "Biscuit" */
  name: string;
  notes: string | null;
  photo_url: string | null;
  custom_fields: CustomFieldWithValue[];
};

export type DependentInput = {
  name: string;
  notes: string | null;
  custom_fields: Record<string, CustomFieldValue>;
};

const dependentsPath = (id?: string, photo = false) =>
  id === undefined
    ? "/store/customers/me/dependents"
    : `/store/customers/me/dependents/${encodeURIComponent(id)}${photo ? "/photo" : ""}`;

function byRank<T extends { rank: number }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.rank - b.rank);
}

function toDependentType(type: DependentType): DependentType {
  return { ...type, fields: byRank(list(type.fields).filter((field) => field.visibility !== "staff")) };
}

function toDependent(dependent: Dependent): Dependent {
  return {
    ...dependent,
    notes: dependent.notes || null,
    photo_url: portalFileUrl(dependent.photo_url),
    custom_fields: byRank(list(dependent.custom_fields).filter((field) => field.visibility !== "staff")),
  };
}

export type Dependents = { types: DependentType[]; dependents: Dependent[] };

/**
 * The dependent types the business offers and the customer's dependents, or null when the
 * business has turned dependents off for the portal (every dependents route answers 404 then).
 */
export async function getDependents(token: string): Promise<Dependents | null> {
  try {
    const result = await apiFetch<{ dependent_types?: DependentType[]; dependents?: Dependent[] }>(dependentsPath(), {
      token,
    });
    return {
      types: byRank(list(result.dependent_types).map(toDependentType)),
      dependents: list(result.dependents).map(toDependent),
    };
  } catch (error) {
    if (errorStatus(error) === 404) return null;
    throw error;
  }
}

/** One of the customer's dependents, or null (not theirs, or dependents are switched off). */
export async function findDependent(token: string, id: string): Promise<Dependent | null> {
  try {
    const { dependent } = await apiFetch<{ dependent: Dependent }>(dependentsPath(id), { token });
    return toDependent(dependent);
  } catch (error) {
    if (errorStatus(error) === 404) return null;
    throw error;
  }
}

/** Every required field must be filled. Throws ApiError 400 whose message starts with the field's label. */
export async function createDependent(token: string, input: DependentInput & { type_id: string }): Promise<Dependent> {
  const { dependent } = await apiFetch<{ dependent: Dependent }>(dependentsPath(), { method: "POST", token, body: input });
  return toDependent(dependent);
}

/** Only the custom fields sent change. */
export async function updateDependent(token: string, id: string, input: Partial<DependentInput>): Promise<Dependent> {
  const { dependent } = await apiFetch<{ dependent: Dependent }>(dependentsPath(id), {
    method: "POST",
    token,
    body: input,
  });
  return toDependent(dependent);
}

export async function deleteDependent(token: string, id: string): Promise<void> {
  await apiFetch(dependentsPath(id), { method: "DELETE", token });
}

/** Same rules as the profile picture. */
export async function uploadDependentPhoto(token: string, id: string, file: Blob, filename: string): Promise<Dependent> {
  const { dependent } = await apiFetch<{ dependent: Dependent }>(dependentsPath(id, true), {
    method: "POST",
    token,
    form: fileForm(file, filename),
  });
  return toDependent(dependent);
}

export async function removeDependentPhoto(token: string, id: string): Promise<void> {
  await apiFetch(dependentsPath(id, true), { method: "DELETE", token });
}

/* ------------------------------------------------------------------ */
/* Portal accounts                                                     */
/* ------------------------------------------------------------------ */

export type PortalSettings = {
  enabled: boolean;
  closedMessage: string;
  google: boolean;
  facebook: boolean;
  bookingNumber: boolean;
  /** "Email me a sign-in link". */
  emailLink: boolean;
};

const CLOSED_FALLBACK = "The customer portal is closed right now. Please contact us if you need help.";

/**
 * Is the portal open, and which sign-in buttons to show. When the backend can't be reached
 * the forms stay visible (they report the outage themselves) and only password sign-in shows.
 */
export async function getPortalSettings(): Promise<PortalSettings> {
  try {
    const { portal } = await apiFetch<{
      portal?: {
        enabled?: boolean;
        closed_message?: string | null;
        sign_in_methods?: Partial<Record<"password" | "google" | "facebook" | "booking_number" | "email_link", boolean>>;
        sign_in_origins?: unknown;
      };
    }>("/store/portal/settings");
    const methods = portal?.sign_in_methods ?? {};
    rememberSignInOrigins(portal?.sign_in_origins);
    return {
      enabled: portal?.enabled !== false,
      closedMessage: portal?.closed_message?.trim() || CLOSED_FALLBACK,
      google: methods.google === true,
      facebook: methods.facebook === true,
      bookingNumber: methods.booking_number !== false,
      emailLink: methods.email_link === true,
    };
  } catch (error) {
    if (!(error instanceof PortalConfigError)) console.error("Could not load portal settings", error);
    return { enabled: true, closedMessage: CLOSED_FALLBACK, google: false, facebook: false, bookingNumber: true, emailLink: false };
  }
}

export type SignUpInput = {
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  password: string;
  kind: "personal" | "business";
};

export async function signUp(input: SignUpInput): Promise<{ email: string }> {
  const result = await apiFetch<{ email?: string }>("/store/portal/sign-up", { method: "POST", body: input });
  return { email: result.email || input.email };
}

export async function verifyEmail(token: string): Promise<{ email: string | null }> {
  const result = await apiFetch<{ email?: string }>("/store/portal/verify-email", { method: "POST", body: { token } });
  return { email: result.email ?? null };
}

export async function resendVerification(email: string): Promise<void> {
  await apiFetch("/store/portal/verify-email/resend", { method: "POST", body: { email } });
}

export async function acceptInvite(token: string, password: string): Promise<{ email: string | null }> {
  const result = await apiFetch<{ email?: string }>("/store/portal/invite/accept", {
    method: "POST",
    body: { token, password },
  });
  return { email: result.email ?? null };
}

export async function changePassword(token: string, currentPassword: string, newPassword: string): Promise<void> {
  await apiFetch("/store/portal/password", {
    method: "POST",
    token,
    body: { current_password: currentPassword, new_password: newPassword },
  });
}

/* ------------------------------------------------------------------ */
/* Business profiles                                                   */
/* ------------------------------------------------------------------ */

/** A company the customer books for; chosen at booking and printed on invoices. */
export type BusinessProfile = {
  id: string;
  customer_id: string;
  name: string;
  billing_email: string;
  tax_id: string | null;
  address_1: string;
  address_2: string | null;
  city: string;
  province: string | null;
  postal_code: string;
  /** Lowercase, e.g. "gb". */
  country_code: string;
  created_at: string;
  updated_at: string;
};

/** Body of a create; an update takes any subset. Optional fields are cleared with null. */
export type BusinessProfileInput = {
  name: string;
  billing_email: string;
  tax_id: string | null;
  address_1: string;
  address_2: string | null;
  city: string;
  province: string | null;
  postal_code: string;
  country_code: string;
};

const businessProfilesPath = (id?: string) =>
  id === undefined
    ? "/store/customers/me/business-profiles"
    : `/store/customers/me/business-profiles/${encodeURIComponent(id)}`;

export async function listBusinessProfiles(token: string): Promise<BusinessProfile[]> {
  const { business_profiles } = await apiFetch<{ business_profiles?: BusinessProfile[] }>(businessProfilesPath(), {
    token,
  });
  return Array.isArray(business_profiles) ? business_profiles : [];
}

/** One of the customer's own profiles, or null when they have none with this id. */
export async function findBusinessProfile(token: string, id: string): Promise<BusinessProfile | null> {
  const profiles = await listBusinessProfiles(token);
  return profiles.find((profile) => profile.id === id) ?? null;
}

/** Throws ApiError 400 { message } naming the field that is wrong. */
export async function createBusinessProfile(token: string, input: BusinessProfileInput): Promise<BusinessProfile> {
  const { business_profile } = await apiFetch<{ business_profile: BusinessProfile }>(businessProfilesPath(), {
    method: "POST",
    token,
    body: input,
  });
  return business_profile;
}

/** Throws ApiError 400 for a bad field, 404 when the profile is not this customer's. */
export async function updateBusinessProfile(
  token: string,
  id: string,
  input: Partial<BusinessProfileInput>
): Promise<BusinessProfile> {
  const { business_profile } = await apiFetch<{ business_profile: BusinessProfile }>(businessProfilesPath(id), {
    method: "POST",
    token,
    body: input,
  });
  return business_profile;
}

/** Throws ApiError 404 when the profile is not this customer's. */
export async function deleteBusinessProfile(token: string, id: string): Promise<void> {
  await apiFetch(businessProfilesPath(id), { method: "DELETE", token });
}

export type Booking = {
  id: string;
  booking_number: string;
  service_title: string;
  status: string;
  starts_at: string;
  ends_at: string | null;
  location_text: string | null;
};

export type BookingSession = { email: string; has_account: boolean; bookings: Booking[] };

export async function getBookingSession(bookingToken: string): Promise<BookingSession> {
  const result = await apiFetch<Partial<BookingSession>>("/store/portal/booking-session", { token: bookingToken });
  return {
    email: result.email ?? "",
    has_account: Boolean(result.has_account),
    bookings: Array.isArray(result.bookings) ? result.bookings : [],
  };
}

export async function createAccountFromBooking(
  bookingToken: string,
  input: { password: string; first_name: string; last_name: string }
): Promise<{ email: string }> {
  const result = await apiFetch<{ email?: string }>("/store/portal/booking-session/account", {
    method: "POST",
    token: bookingToken,
    body: input,
  });
  return { email: result.email ?? "" };
}

/** The token codes of verify-email and invite/accept after which a new link helps. */
export function isStaleLink(code: string | undefined): boolean {
  return code === "token_expired" || code === "token_used";
}

/* ------------------------------------------------------------------ */
/* Data requests (GDPR): a file from the backend, streamed as it is    */
/* ------------------------------------------------------------------ */

/** A GET to the backend with the publishable key whose answer (a file) is passed on unread. */
const OWN_FILES = "/store/customers/me/";

/**
 * Pictures, photos and booking files are private: the API serves them only with the customer's
 * token, which stays in the portal's session. The page links to the portal's /files/… instead,
 * which passes the file through (routes/files.$.tsx).
 */
export function portalFileUrl(apiPath: string | null | undefined): string | null {
  return apiPath?.startsWith(OWN_FILES) ? `/files/${apiPath.slice(OWN_FILES.length)}` : null;
}

export async function apiDownload(path: string, token: string, query: Record<string, string>): Promise<Response> {
  const { baseUrl, publishableKey } = getConfig();
  const base = new URL(baseUrl);
  const url = new URL(`${base.pathname.replace(/\/$/, "")}/${path.replace(/^\//, "")}`, base.origin);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return fetch(url, { headers: { "x-publishable-api-key": publishableKey, ...bearer(token) }, signal: AbortSignal.timeout(API_TIMEOUT_MS) });
}
