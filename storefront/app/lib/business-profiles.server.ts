import { json } from "@remix-run/node";

import {
  fieldErrorsFromMessage,
  type BusinessProfileFieldErrors,
  type BusinessProfileValues,
} from "~/lib/business-profiles";
import { signOutIfRefused, toProblem } from "~/lib/medusa.server";

/** What the add and edit pages' actions answer when nothing was saved. */
export type BusinessProfileActionData = {
  values?: BusinessProfileValues;
  formError?: string;
  fieldErrors?: BusinessProfileFieldErrors;
  /** The profile is not (or no longer) one of the customer's. */
  notFound?: boolean;
  /** "Delete" was pressed on /account: ask before deleting. */
  confirmDelete?: boolean;
  deleteError?: string;
};

/**
 * A create or update the backend refused. 400 keeps the form with the backend's message above
 * it and the fields it names highlighted; 401/403 sign the customer out.
 */
export async function saveFailed(request: Request, error: unknown, values: BusinessProfileValues) {
  const problem = toProblem(error);
  if (problem.status === 404) {
    return json<BusinessProfileActionData>({ values, notFound: true }, { status: 404 });
  }
  await signOutIfRefused(request, problem);
  const fieldErrors = problem.status === 400 ? fieldErrorsFromMessage(problem.message) : {};
  return json<BusinessProfileActionData>({ values, formError: problem.message, fieldErrors }, { status: problem.status });
}
