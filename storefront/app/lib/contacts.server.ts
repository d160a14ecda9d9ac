import { json } from "@remix-run/node";

import {
  addContactRow,
  contactFieldErrors,
  readContactForm,
  readContactIntent,
  removeContactRow,
  toContactInput,
  type ContactFieldErrors,
  type ContactList,
  type ContactValues,
} from "~/lib/contacts";
import { hasErrors } from "~/lib/forms";
import {
  redirectToAccount,
  signOutIfRefused,
  toProblem,
  type AdditionalContactInput,
} from "~/lib/medusa.server";

/** What the add and edit pages' actions answer when nothing was saved. */
export type ContactActionData = {
  values?: ContactValues;
  /** New on every answer, so the form is rebuilt from `values` (inputs only read their default once). */
  formKey?: string;
  formError?: string;
  fieldErrors?: ContactFieldErrors;
  added?: ContactList;
  notFound?: boolean;
  /** "Remove" was pressed on /account: ask first. */
  confirmDelete?: boolean;
  deleteError?: string;
};

let answers = 0;
const formKey = () => `contact-${Date.now()}-${++answers}`;

/**
 * The contact form posted: "Add another …" and "Remove" re-render it with what was typed; Save
 * checks the name and calls `save`, then goes back to /account.
 */
export async function contactFormAction(
  request: Request,
  form: FormData,
  save: (input: AdditionalContactInput) => Promise<unknown>
) {
  const values = readContactForm(form);
  const intent = readContactIntent(form);
  if (intent.type === "add") {
    return json<ContactActionData>({ values: addContactRow(values, intent.list), formKey: formKey(), added: intent.list });
  }
  if (intent.type === "remove") {
    return json<ContactActionData>({ values: removeContactRow(values, intent.list, intent.index), formKey: formKey() });
  }
  const fieldErrors = contactFieldErrors(values);
  if (hasErrors(fieldErrors)) {
    return json<ContactActionData>(
      { values, formKey: formKey(), fieldErrors, formError: "Please check the highlighted fields." },
      { status: 400 }
    );
  }
  try {
    await save(toContactInput(values));
  } catch (error) {
    const problem = toProblem(error);
    if (problem.status === 404) return json<ContactActionData>({ notFound: true }, { status: 404 });
    await signOutIfRefused(request, problem);
    return json<ContactActionData>({ values, formKey: formKey(), formError: problem.message }, { status: problem.status });
  }
  return redirectToAccount(request, "Contact saved");
}
