import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import { Field, FormAlert, FormStatus } from "~/components/field";
import { hasErrors, newPasswordError, PASSWORD_HINT, secret } from "~/lib/forms";
import {
  accountOnHoldRedirect,
  changePassword,
  describeError,
  errorStatus,
  getCustomer,
  getProfile,
  requireToken,
  signOutAndRedirect,
  toProblem,
  type Problem,
} from "~/lib/medusa.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "My account");

const KIND_LABELS = { personal: "Personal account", business: "Business account" } as const;

/** 401: the session is over. 403: the account is on hold or closed. Both sign the customer out. */
async function signOutIfRefused(request: Request, problem: Problem): Promise<void> {
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

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request);
  try {
    const [customer, profile] = await Promise.all([
      getCustomer(token),
      // A customer without a portal profile yet still gets their account page.
      getProfile(token).catch((error: unknown) => {
        if (errorStatus(error) === 404) return null;
        throw error;
      }),
    ]);
    const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ").trim();
    return json({
      error: null as string | null,
      account: {
        name: name || customer.email,
        email: customer.email,
        kind: profile ? (KIND_LABELS[profile.kind] ?? null) : null,
      },
    });
  } catch (error) {
    const status = errorStatus(error);
    if (status === 401 || status === 403) {
      await signOutIfRefused(request, toProblem(error));
    }
    console.error("Could not load account", error);
    return json({ error: describeError(error), account: null }, { status: 503 });
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

export default function Account() {
  const { account, error } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>My account</h1>
      {!account ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : (
        <>
          <section className="card account">
            <dl className="details">
              <dt>Name</dt>
              <dd data-testid="account-name">{account.name}</dd>
              <dt>Email</dt>
              <dd data-testid="account-email">{account.email}</dd>
              <dt>Account type</dt>
              <dd data-testid="account-kind">{account.kind ?? "Not set"}</dd>
            </dl>
          </section>
          <ChangePassword />
        </>
      )}
    </>
  );
}
