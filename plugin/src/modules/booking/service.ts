import { MedusaService } from "@medusajs/framework/utils"
import Booking from "./models/booking"
import BookingAttachment from "./models/booking-attachment"

class BookingModuleService extends MedusaService({ Booking, BookingAttachment }) {}

export default BookingModuleService
