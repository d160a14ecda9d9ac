/** Where "Continue with Google/Facebook" goes, as the API last said (its portal settings). */
let origins: string[] = []

export function rememberSignInOrigins(value: unknown) {
  if (Array.isArray(value)) origins = value.filter((origin): origin is string => typeof origin === "string")
}

export const signInOrigins = () => origins
