import { json } from "@remix-run/node";

import {
  customFieldErrorsFromMessage,
  readCustomFieldValues,
  toCustomFieldInput,
  type CustomFieldErrors,
} from "~/lib/custom-fields";
import { readName, readNotes, type DependentValues } from "~/lib/dependents";
import {
  redirectWithPageError,
  signOutIfRefused,
  toProblem,
  uploadDependentPhoto,
  type CustomFieldDefinition,
  type Dependent,
  type DependentInput,
} from "~/lib/medusa.server";
import { pictureProblem, uploadedFile } from "~/lib/uploads.server";

/** What the add and edit pages' actions answer when nothing (or not everything) was saved. */
export type DependentActionData = {
  values?: DependentValues;
  /** New on every answer, so the form is rebuilt from `values`. */
  formKey?: string;
  formError?: string;
  /** By field: "name", "photo" or a custom field's key. */
  fieldErrors?: CustomFieldErrors;
  notFound?: boolean;
  confirmDelete?: boolean;
  deleteError?: string;
  photoError?: string;
};

let answers = 0;
export const dependentFormKey = () => `dependent-${Date.now()}-${++answers}`;

export function readDependentForm(form: FormData): DependentValues {
  return { name: readName(form), notes: readNotes(form), custom_fields: readCustomFieldValues(form) };
}

/**
 * The request body. A create sends every filled field (the backend checks the whole form); an
 * update sends only the fields that changed from `saved`.
 */
export function toDependentInput(
  values: DependentValues,
  fields: CustomFieldDefinition[],
  saved?: DependentValues
): DependentInput {
  return {
    name: values.name,
    notes: values.notes || null,
    custom_fields: toCustomFieldInput(fields, values.custom_fields, saved?.custom_fields),
  };
}

/** Before anything is sent: a name, and a photo the backend can take. */
export function checkDependentForm(values: DependentValues, photo: File | null): CustomFieldErrors {
  return {
    name: values.name ? undefined : "Enter a name.",
    photo: photo ? (pictureProblem(photo) ?? undefined) : undefined,
  };
}

/** A refused create or update: the backend's message above the form, and on the field it names. */
export async function dependentSaveFailed(
  request: Request,
  error: unknown,
  values: DependentValues,
  fields: CustomFieldDefinition[]
) {
  const problem = toProblem(error);
  if (problem.status === 404) return json<DependentActionData>({ notFound: true }, { status: 404 });
  await signOutIfRefused(request, problem);
  const fieldErrors = problem.status === 400 ? customFieldErrorsFromMessage(problem.message, fields) : {};
  if (problem.status === 400 && !Object.values(fieldErrors).some(Boolean) && /^name\b/i.test(problem.message)) {
    fieldErrors.name = problem.message;
  }
  return json<DependentActionData>(
    { values, formKey: dependentFormKey(), formError: problem.message, fieldErrors },
    { status: problem.status }
  );
}

/**
 * The photo, after the dependent itself was saved. When the backend refuses it, the dependent
 * stays saved: the edit page opens with the reason, so the customer can choose another.
 */
export async function savePhoto(
  request: Request,
  token: string,
  dependent: Pick<Dependent, "id" | "name">,
  form: FormData
): Promise<Response | null> {
  const photo = uploadedFile(form, "photo");
  if (!photo) return null;
  try {
    await uploadDependentPhoto(token, dependent.id, photo, photo.name);
    return null;
  } catch (error) {
    const problem = toProblem(error);
    await signOutIfRefused(request, problem);
    return redirectWithPageError(
      request,
      `/account/dependents/${encodeURIComponent(dependent.id)}`,
      `${dependent.name} was saved, but the photo wasn’t: ${problem.message}`
    );
  }
}
