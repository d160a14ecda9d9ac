import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import { Field, FormAlert, FormStatus } from "~/components/field";
import { formatAddress } from "~/lib/business-profiles";
import { hasErrors, newPasswordError, PASSWORD_HINT, secret } from "~/lib/forms";
import {
  changePassword,
  commitSession,
  describeError,
  errorStatus,
  getCustomer,
  getProfile,
  getSession,
  listBusinessProfiles,
  requireToken,
  signOutIfRefused,
  toProblem,
  type BusinessProfile,
  type ContactMethod,
} from "~/lib/medusa.server";
import { pageTitle } from "~/lib/meta";

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

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request);
  // "Business profile saved" and the like, shown once after the page that saved it.
  const session = await getSession(request);
  const notice = session.get("accountMessage") ?? null;
  // Reading a flash value removes it; the cookie must be saved for that to stick.
  const headers = { "Set-Cookie": await commitSession(session) };
  try {
    const [customer, profile, businessProfiles] = await Promise.all([
      getCustomer(token),
      // A customer without a portal profile yet still gets their account page.
      getProfile(token).catch((error: unknown) => {
        if (errorStatus(error) === 404) return null;
        throw error;
      }),
      loadBusinessProfiles(token),
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
        },
        businessProfiles,
      },
      { headers }
    );
  } catch (error) {
    const status = errorStatus(error);
    if (status === 401 || status === 403) {
      await signOutIfRefused(request, toProblem(error));
    }
    console.error("Could not load account", error);
    return json({ error: describeError(error), notice, account: null, businessProfiles: null }, { status: 503, headers });
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

export default function Account() {
  const { account, error, notice, businessProfiles } = useLoaderData<typeof loader>();
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
          {businessProfiles ? <BusinessProfiles {...businessProfiles} /> : null}
          <ChangePassword />
        </>
      )}
    </>
  );
}
