import { MedusaService } from "@medusajs/framework/utils"
import { servesPostcode } from "../services/service"
import Fieldworker from "./models/fieldworker"

class FieldworkersModuleService extends MedusaService({ Fieldworker }) {
  /** Does the fieldworker cover this postcode? Same matching as a service's areas; no areas covers anywhere. */
  static covers(fieldworker: { service_areas?: readonly string[] | null }, postcode: string): boolean {
    return servesPostcode(fieldworker.service_areas ?? [], postcode)
  }
}

export default FieldworkersModuleService
