import { z } from "@medusajs/framework/zod"

/** The emailed link: the export's id and its token (32 random bytes in base64url); a bad one is the same 404 as a wrong one. */
export const StoreGetDataExportDownloadParams = z
  .object({
    export: z.string({ error: "export must be the export's id from the link" }).trim().max(100, "export is too long").optional(),
    token: z.string({ error: "token must be the token from the link" }).trim().max(200, "token is too long").optional(),
  })
  .strict()
export type StoreGetDataExportDownloadParamsType = z.infer<typeof StoreGetDataExportDownloadParams>
