import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";

import { commitSession, getSession, login, safeRedirect } from "~/lib/medusa.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Sign in");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  if (session.get("token")) {
    throw redirect("/account");
  }
  return json(null);
}

type ActionData = {
  email: string;
  formError?: string;
  fieldErrors?: { email?: string; password?: string };
};

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const redirectTo = safeRedirect(
    form.get("redirectTo") || new URL(request.url).searchParams.get("redirectTo")
  );

  const fieldErrors: ActionData["fieldErrors"] = {};
  if (!email) fieldErrors.email = "Enter your email address.";
  if (!password) fieldErrors.password = "Enter your password.";
  if (fieldErrors.email || fieldErrors.password) {
    return json<ActionData>({ email, fieldErrors }, { status: 400 });
  }

  const result = await login(email, password);
  if (!result.ok) {
    return result.reason === "invalid"
      ? json<ActionData>({ email, formError: "Email or password is incorrect." }, { status: 401 })
      : json<ActionData>(
          { email, formError: result.message ?? "We couldn't sign you in right now. Please try again later." },
          { status: 503 }
        );
  }

  const session = await getSession(request);
  session.set("token", result.token);
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await commitSession(session) },
  });
}

export default function SignIn() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting";
  const emailError = actionData?.fieldErrors?.email;
  const passwordError = actionData?.fieldErrors?.password;

  return (
    <section className="narrow">
      <h1>Sign in</h1>
      {actionData?.formError ? (
        <p role="alert" className="alert" id="form-error">
          {actionData.formError}
        </p>
      ) : null}
      <Form method="post" className="form">
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <div className="field">
          <label htmlFor="email">Email</label>
          <input
            id="email"
            name="email"
            type="email"
            required
            autoComplete="email"
            defaultValue={actionData?.email ?? ""}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? "email-error" : undefined}
          />
          {emailError ? (
            <p className="field-error" id="email-error">
              {emailError}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            required
            autoComplete="current-password"
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={passwordError ? "password-error" : undefined}
          />
          {passwordError ? (
            <p className="field-error" id="password-error">
              {passwordError}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={submitting}>
          Sign in
        </button>
      </Form>
    </section>
  );
}
