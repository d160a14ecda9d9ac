import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { sqlManager } from "../../utils/sql-manager"
import Complaint from "./models/complaint"
import ComplaintPhoto from "./models/complaint-photo"

/** Complaint numbers: "C-1001", "C-1002"… (the sequence starts at 1001, so a number never looks like a count). */
export const complaintNumber = (value: number) => `C-${value}`

class ComplaintsModuleService extends MedusaService({ Complaint, ComplaintFile: ComplaintPhoto }) {
  /** The next complaint number; a value is never handed out twice, even if its transaction rolls back. */
  @InjectManager()
  async nextComplaintNumber(@MedusaContext() sharedContext: Context = {}): Promise<string> {
    const [row] = await sqlManager(sharedContext).execute(`SELECT nextval('complaint_number_seq') AS value`)
    return complaintNumber(Number(row.value))
  }
}

export default ComplaintsModuleService
