import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import {
  describeError,
  errorStatus,
  getCustomer,
  getProfile,
  requireToken,
  signOutAndRedirect,
} from "~/lib/medusa.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "My account");

const KIND_LABELS = { personal: "Personal account", business: "Business account" } as const;

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
    if (errorStatus(error) === 401) {
      return signOutAndRedirect(request);
    }
    console.error("Could not load account", error);
    return json({ error: describeError(error), account: null }, { status: 503 });
  }
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
      )}
    </>
  );
}
