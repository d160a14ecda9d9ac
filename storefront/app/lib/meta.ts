type MatchLike = { id: string; data: unknown }

/** "<page> · <business name>", using the business name from the root loader. */
export function pageTitle(matches: MatchLike[], page: string): { title: string }[] {
  const root = matches.find((match) => match.id === "root")?.data as { businessName?: string } | undefined
  return [{ title: root?.businessName ? `${page} · ${root.businessName}` : page }]
}
