import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import { Avatar } from "~/components/avatar";
import { DownloadMyDataForm } from "~/components/download-my-data";
import { Field, FormAlert, FormStatus } from "~/components/field";
import { formatAddress as formatLocation } from "~/lib/addresses";
import { listLocations, type Address } from "~/lib/addresses.server";
import { describeError, errorStatus, toProblem } from "~/lib/api.server";
import { changePassword } from "~/lib/auth.server";
import { formatAddress } from "~/lib/business-profiles";
import { listBusinessProfiles, type BusinessProfile } from "~/lib/business-profiles.server";
import type { AdditionalContact } from "~/lib/contacts.server";
import { displayValue, type CustomFieldWithValue } from "~/lib/custom-fields";
import { lowerLabel, withArticle } from "~/lib/dependents";
import { getDependents, type Dependent, type Dependents, type DependentType } from "~/lib/dependents.server";
import { hasErrors, newPasswordError, PASSWORD_HINT, secret } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { getCustomer, getProfile, type ContactMethod, type Profile } from "~/lib/profile.server";
import { commitSession, getSession, requireToken, signOutIfRefused } from "~/lib/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "My account");

const KIND_LABELS = { personal: "Personal account", business: "Business account" } as const;
const PHONE_KIND_LABELS: Record<string, string> = { mobile: "Mobile", phone: "Phone" };

type ContactEntry = Pick<ContactMethod, "id" | "value" | "is_primary"> & { type: string | null };

function contactEntries(methods: ContactMethod[]): ContactEntry[] {
  return methods.map(({ id, kind, value, is_primary }) => ({
    id,
    value,
    is_primary,
    type: PHONE_KIND_LABELS[kind] ?? null,
  }));
}

type BusinessProfilesResult = { profiles: BusinessProfile[]; error: string | null };

/** The list, or why it can't be shown; a refused session still fails the whole page. */
function loadBusinessProfiles(token: string): Promise<BusinessProfilesResult> {
  return listBusinessProfiles(token).then(
    (profiles) => ({ profiles, error: null }),
    (error: unknown) => {
      const status = errorStatus(error);
      if (status === 401 || status === 403) throw error;
      return { profiles: [], error: toProblem(error).message };
    }
  );
}

type SectionResult<T> = { data: T; error: string | null };

/**
 * A part of the page that may fail on its own: its data, or why it can't be shown. A refused
 * session still fails the whole page.
 */
function section<T>(load: Promise<T>, empty: T): Promise<SectionResult<T>> {
  return load.then(
    (data) => ({ data, error: null }),
    (error: unknown) => {
      const status = errorStatus(error);
      if (status === 401 || status === 403) throw error;
      return { data: empty, error: toProblem(error).message };
    }
  );
}

/** The saved locations: from the profile, or from Medusa's address list when the profile doesn't carry them. */
function loadLocations(token: string, profile: Promise<Profile | null>): Promise<Address[]> {
  return profile.then((loaded) => (loaded?.locations ? loaded.locations : listLocations(token)));
}

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request);
  // "Business profile saved" and the like, shown once after the page that saved it.
  const session = await getSession(request);
  const notice = session.get("accountMessage") ?? null;
  // Reading a flash value removes it; the cookie must be saved for that to stick.
  const headers = { "Set-Cookie": await commitSession(session) };
  try {
    // A customer without a portal profile yet still gets their account page.
    const profileRequest = getProfile(token).catch((error: unknown) => {
      if (errorStatus(error) === 404) return null;
      throw error;
    });
    const [customer, profile, businessProfiles, locations, dependents] = await Promise.all([
      getCustomer(token),
      profileRequest,
      loadBusinessProfiles(token),
      section<Address[]>(loadLocations(token, profileRequest), []),
      // null: the business doesn't offer dependents in the portal, so the section is hidden.
      section<Dependents | null>(getDependents(token), null),
    ]);
    const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ").trim();
    return json(
      {
        error: null as string | null,
        notice,
        account: {
          name: name || customer.email,
          email: customer.email,
          kind: profile ? (KIND_LABELS[profile.kind] ?? null) : null,
          otherNames: profile?.additional_names ?? [],
          emails: contactEntries(profile?.emails ?? []),
          phones: contactEntries(profile?.phones ?? []),
          pictureUrl: profile?.picture_url ?? null,
          customFields: profile?.custom_fields ?? [],
          contacts: profile?.additional_contacts ?? [],
          billing: profile
            ? { sameAsBooking: profile.billing_same_as_booking, address: profile.billing_address }
            : null,
        },
        businessProfiles,
        locations,
        dependents,
      },
      { headers }
    );
  } catch (error) {
    const status = errorStatus(error);
    if (status === 401 || status === 403) {
      await signOutIfRefused(request, toProblem(error));
    }
    console.error("Could not load account", error);
    return json(
      { error: describeError(error), notice, account: null, businessProfiles: null, locations: null, dependents: null },
      { status: 503, headers }
    );
  }
}

type PasswordResult = {
  /** Changes on every success, so the form is emptied again. */
  changedAt?: number;
  formError?: string;
  /** The current password was wrong: the message is in formError. */
  wrongPassword?: boolean;
  fieldErrors?: { current?: string; next?: string };
};

export async function action({ request }: ActionFunctionArgs) {
  const token = await requireToken(request);
  const form = await request.formData();
  const current = secret(form, "current_password");
  const next = secret(form, "new_password");

  const fieldErrors = {
    current: current ? undefined : "Enter your current password.",
    next: newPasswordError(next),
  };
  if (hasErrors(fieldErrors)) {
    return json<PasswordResult>({ fieldErrors }, { status: 400 });
  }

  try {
    await changePassword(token, current, next);
    return json<PasswordResult>({ changedAt: Date.now() });
  } catch (error) {
    const problem = toProblem(error);
    if (problem.code === "wrong_password") {
      return json<PasswordResult>({ formError: problem.message, wrongPassword: true }, { status: 400 });
    }
    await signOutIfRefused(request, problem);
    return json<PasswordResult>({ formError: problem.message }, { status: problem.status });
  }
}

function ChangePassword() {
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const errors = result?.fieldErrors ?? {};
  return (
    <section className="card account" aria-labelledby="change-password-heading">
      <h2 id="change-password-heading">Change password</h2>
      {result?.changedAt ? (
        <FormStatus testId="password-changed">
          <p>Your password has been changed. Use the new password next time you sign in.</p>
        </FormStatus>
      ) : (
        <FormAlert message={result?.formError} />
      )}
      <Form method="post" className="form" key={result?.changedAt ?? "form"} noValidate>
        <Field
          name="current_password"
          label="Current password"
          type="password"
          required
          autoComplete="current-password"
          error={errors.current}
          aria-invalid={errors.current || result?.wrongPassword ? true : undefined}
        />
        <Field
          name="new_password"
          label="New password"
          type="password"
          required
          minLength={8}
          autoComplete="new-password"
          hint={PASSWORD_HINT}
          error={errors.next}
        />
        <button type="submit" className="button" disabled={submitting}>
          Change password
        </button>
      </Form>
    </section>
  );
}

/** Emails or numbers, the primary one marked. */
function ContactList({ entries, testId }: { entries: ContactEntry[]; testId: string }) {
  return (
    <dd data-testid={testId}>
      {entries.length === 0 ? (
        "None added"
      ) : (
        <ul className="plain-list">
          {entries.map((entry) => (
            <li key={entry.id}>
              {entry.value}
              {entry.type ? <span className="muted"> ({entry.type})</span> : null}
              {entry.is_primary ? (
                <>
                  {" "}
                  <span className="tag">Primary</span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </dd>
  );
}

function BusinessProfiles({ profiles, error }: BusinessProfilesResult) {
  return (
    <section className="card account" aria-labelledby="business-profiles-heading" data-testid="business-profiles">
      <h2 id="business-profiles-heading">Business profiles</h2>
      <p className="muted">
        The companies you book for. Choose one when you book and its details are printed on the invoice.
      </p>
      {error ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : profiles.length === 0 ? (
        <p data-testid="business-profiles-empty">You haven&rsquo;t added any business profiles yet.</p>
      ) : (
        <ul className="profile-list">
          {profiles.map((profile) => {
            const headingId = `business-profile-${profile.id}`;
            const path = `/account/business-profiles/${encodeURIComponent(profile.id)}`;
            return (
              <li key={profile.id} className="profile" data-testid="business-profile">
                <h3 id={headingId} className="profile__name" data-testid="business-profile-name">
                  {profile.name}
                </h3>
                <dl className="details">
                  <dt>Billing email</dt>
                  <dd data-testid="business-profile-email">{profile.billing_email}</dd>
                  <dt>Address</dt>
                  <dd data-testid="business-profile-address">{formatAddress(profile)}</dd>
                  {profile.tax_id ? (
                    <>
                      <dt>Tax ID</dt>
                      <dd data-testid="business-profile-tax-id">{profile.tax_id}</dd>
                    </>
                  ) : null}
                </dl>
                <div className="profile__actions">
                  <Link to={path} className="button button--secondary" aria-describedby={headingId}>
                    Edit
                  </Link>
                  {/* Opens the edit page's "Delete this business profile?" step; nothing is deleted yet. */}
                  <Form method="post" action={path}>
                    <input type="hidden" name="intent" value="delete" />
                    <button type="submit" className="button button--secondary" aria-describedby={headingId}>
                      Delete
                    </button>
                  </Form>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <p className="profile-add">
        <Link to="/account/business-profiles/new">Add a business profile</Link>
      </p>
    </section>
  );
}

/** "Gate code: 4471" for each field with a value; the rest say "Not answered". */
function CustomFieldValues({ fields, testId }: { fields: CustomFieldWithValue[]; testId: string }) {
  return (
    <dl className="details" data-testid={testId}>
      {fields.map((field) => {
        const value = displayValue(field);
        return (
          <div key={field.key} className="details__row" data-testid={`custom-field-${field.key}`}>
            <dt>{field.label}</dt>
            <dd>{value ?? <span className="muted">Not answered</span>}</dd>
          </div>
        );
      })}
    </dl>
  );
}

function MoreAboutYou({ fields }: { fields: CustomFieldWithValue[] }) {
  if (fields.length === 0) return null;
  return (
    <section className="card account" aria-labelledby="more-about-you-heading" data-testid="more-about-you">
      <h2 id="more-about-you-heading">More about you</h2>
      <CustomFieldValues fields={fields} testId="custom-field-values" />
      <p className="account__actions">
        {/* Not "Edit info" again: one link of that name on the page, to the same form. */}
        <Link to="/account/edit" className="button button--secondary">
          Change your answers
        </Link>
      </p>
    </section>
  );
}

function AdditionalContacts({ contacts }: { contacts: AdditionalContact[] }) {
  return (
    <section className="card account" aria-labelledby="contacts-heading" data-testid="additional-contacts">
      <h2 id="contacts-heading">Additional contacts</h2>
      <p className="muted">Other people we may contact about your bookings, for example a tenant or a site manager.</p>
      {contacts.length === 0 ? (
        <p data-testid="additional-contacts-empty">You haven&rsquo;t added any contacts yet.</p>
      ) : (
        <ul className="profile-list">
          {contacts.map((contact) => {
            const headingId = `contact-${contact.id}`;
            const path = `/account/contacts/${encodeURIComponent(contact.id)}`;
            return (
              <li key={contact.id} className="profile" data-testid="additional-contact">
                <h3 id={headingId} className="profile__name" data-testid="additional-contact-name">
                  {contact.name}
                  {contact.role ? <span className="muted"> ({contact.role})</span> : null}
                </h3>
                <dl className="details">
                  <dt>Emails</dt>
                  <dd data-testid="additional-contact-emails">
                    {contact.emails.length ? contact.emails.join(", ") : "None added"}
                  </dd>
                  <dt>Phone numbers</dt>
                  <dd data-testid="additional-contact-phones">
                    {contact.phones.length ? contact.phones.join(", ") : "None added"}
                  </dd>
                </dl>
                <div className="profile__actions">
                  <Link to={path} className="button button--secondary" aria-describedby={headingId}>
                    Edit
                  </Link>
                  {/* Opens the edit page's "Remove this contact?" step; nothing is removed yet. */}
                  <Form method="post" action={path}>
                    <input type="hidden" name="intent" value="delete" />
                    <button type="submit" className="button button--secondary" aria-describedby={headingId}>
                      Remove
                    </button>
                  </Form>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <p className="profile-add">
        <Link to="/account/contacts/new">Add a contact</Link>
      </p>
    </section>
  );
}

/** Saved cards have their own page (they live with Stripe, so they're read there). */
function PaymentsLink() {
  return (
    <section className="card account" aria-labelledby="payments-heading" data-testid="account-payments">
      <h2 id="payments-heading">Payments</h2>
      <p className="muted">Your saved cards: add one, choose your default, or remove one.</p>
      <p className="account__actions">
        <Link to="/account/payments" className="button button--secondary" aria-describedby="payments-heading">
          Manage saved cards
        </Link>
      </p>
    </section>
  );
}

/** A copy of everything we hold about the customer (GDPR access request), made in the background and emailed. */
function YourData() {
  return (
    <section className="card account" aria-labelledby="your-data-heading" data-testid="your-data">
      <h2 id="your-data-heading">Your data</h2>
      <p className="muted">
        Get a copy of the personal data we hold about you, as a ZIP file. We email you a link when it is ready.{" "}
        <Link to="/account/data-export">More about your data</Link>
      </p>
      <div className="account__actions">
        <DownloadMyDataForm />
      </div>
    </section>
  );
}

function BillingAddress({ billing }: { billing: { sameAsBooking: boolean; address: Address | null } }) {
  return (
    <section className="card account" aria-labelledby="billing-heading" data-testid="billing-address">
      <h2 id="billing-heading">Billing address</h2>
      <p data-testid="billing-address-value">
        {billing.sameAsBooking || !billing.address ? "Same as booking address" : formatLocation(billing.address)}
      </p>
      <p className="account__actions">
        <Link to="/account/billing-address" className="button button--secondary" aria-describedby="billing-heading">
          Change billing address
        </Link>
      </p>
    </section>
  );
}

function SavedLocations({ data: locations, error }: SectionResult<Address[]>) {
  return (
    <section className="card account" aria-labelledby="locations-heading" data-testid="saved-locations">
      <h2 id="locations-heading">Saved locations</h2>
      <p className="muted">The places where we work for you. Choose one when you book.</p>
      {error ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : locations.length === 0 ? (
        <p data-testid="saved-locations-empty">You haven&rsquo;t saved any locations yet.</p>
      ) : (
        <ul className="profile-list">
          {locations.map((location) => {
            const headingId = `location-${location.id}`;
            const path = `/account/locations/${encodeURIComponent(location.id)}`;
            return (
              <li key={location.id} className="profile" data-testid="saved-location">
                <h3 id={headingId} className="profile__name" data-testid="saved-location-label">
                  {location.address_name || "Location"}
                </h3>
                <p className="profile__text" data-testid="saved-location-address">
                  {formatLocation(location)}
                </p>
                <div className="profile__actions">
                  <Link to={path} className="button button--secondary" aria-describedby={headingId}>
                    Edit
                  </Link>
                  {/* Opens the edit page's "Delete this location?" step; nothing is deleted yet. */}
                  <Form method="post" action={path}>
                    <input type="hidden" name="intent" value="delete" />
                    <button type="submit" className="button button--secondary" aria-describedby={headingId}>
                      Delete
                    </button>
                  </Form>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <p className="profile-add">
        <Link to="/account/locations/new">Add a location</Link>
      </p>
    </section>
  );
}

function DependentItem({ dependent }: { dependent: Dependent }) {
  const headingId = `dependent-${dependent.id}`;
  const path = `/account/dependents/${encodeURIComponent(dependent.id)}`;
  const filled = dependent.custom_fields.filter((field) => displayValue(field) !== null);
  return (
    <li className="profile dependent" data-testid="dependent">
      {dependent.photo_url ? (
        <img src={dependent.photo_url} alt={`Photo of ${dependent.name}`} className="avatar avatar--medium" />
      ) : null}
      <div className="dependent__body">
        <h3 id={headingId} className="profile__name" data-testid="dependent-name">
          {dependent.name}
        </h3>
        {dependent.notes ? <p className="profile__text dependent__notes">{dependent.notes}</p> : null}
        {filled.length > 0 ? <CustomFieldValues fields={filled} testId="dependent-fields" /> : null}
        <div className="profile__actions">
          <Link to={path} className="button button--secondary" aria-describedby={headingId}>
            Edit
          </Link>
          {/* Opens the edit page's "Remove …?" step; nothing is removed yet. */}
          <Form method="post" action={path}>
            <input type="hidden" name="intent" value="delete" />
            <button type="submit" className="button button--secondary" aria-describedby={headingId}>
              Remove
            </button>
          </Form>
        </div>
      </div>
    </li>
  );
}

/** One section per type the business offers ("Pets", "Vehicles"), each with its own "Add a …". */
function DependentSections({ data, error }: SectionResult<Dependents | null>) {
  if (error) {
    return (
      <section className="card account" aria-labelledby="dependents-heading">
        <h2 id="dependents-heading">More on your account</h2>
        <p role="alert" className="alert">
          {error}
        </p>
      </section>
    );
  }
  if (!data) return null;
  return (
    <>
      {data.types.map((type: DependentType) => {
        const headingId = `dependent-type-${type.id}`;
        const items = data.dependents.filter((dependent) => dependent.type_id === type.id);
        return (
          <section
            key={type.id}
            className="card account"
            aria-labelledby={headingId}
            data-testid="dependent-type"
          >
            <h2 id={headingId}>{type.label_plural}</h2>
            {items.length === 0 ? (
              <p data-testid="dependents-empty">{`You haven’t added any ${lowerLabel(type.label_plural)} yet.`}</p>
            ) : (
              <ul className="profile-list">
                {items.map((dependent) => (
                  <DependentItem key={dependent.id} dependent={dependent} />
                ))}
              </ul>
            )}
            <p className="account__actions">
              <Link
                to={`/account/dependents/new?type=${encodeURIComponent(type.id)}`}
                className="button button--secondary"
              >
                {`Add ${withArticle(type.label_singular)}`}
              </Link>
            </p>
          </section>
        );
      })}
    </>
  );
}

export default function Account() {
  const { account, error, notice, businessProfiles, locations, dependents } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>My account</h1>
      {notice ? (
        <FormStatus testId="account-notice">
          <p>{notice}</p>
        </FormStatus>
      ) : null}
      {!account ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : (
        <>
          <section className="card account" aria-labelledby="account-details-heading">
            <h2 id="account-details-heading">Your details</h2>
            <div className="account__picture">
              <Avatar name={account.name} pictureUrl={account.pictureUrl} />
              <Link to="/account/picture" data-testid="change-picture">
                {account.pictureUrl ? "Change picture" : "Add a picture"}
              </Link>
            </div>
            <dl className="details">
              <dt>Name</dt>
              <dd data-testid="account-name">{account.name}</dd>
              {account.otherNames.length > 0 ? (
                <>
                  <dt>Other names</dt>
                  <dd data-testid="account-other-names">{account.otherNames.join(", ")}</dd>
                </>
              ) : null}
              <dt>Email</dt>
              <dd data-testid="account-email">{account.email}</dd>
              <dt>Account type</dt>
              <dd data-testid="account-kind">{account.kind ?? "Not set"}</dd>
              <dt>Emails</dt>
              <ContactList entries={account.emails} testId="account-emails" />
              <dt>Phone numbers</dt>
              <ContactList entries={account.phones} testId="account-phones" />
            </dl>
            <p className="account__actions">
              <Link to="/account/edit" className="button button--secondary">
                Edit info
              </Link>
            </p>
          </section>
          <MoreAboutYou fields={account.customFields} />
          {dependents ? <DependentSections {...dependents} /> : null}
          <AdditionalContacts contacts={account.contacts} />
          {account.billing ? <BillingAddress billing={account.billing} /> : null}
          {locations ? <SavedLocations {...locations} /> : null}
          {businessProfiles ? <BusinessProfiles {...businessProfiles} /> : null}
          <PaymentsLink />
          <YourData />
          <ChangePassword />
        </>
      )}
    </>
  );
}
