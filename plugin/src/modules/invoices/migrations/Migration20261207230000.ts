import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** A gift voucher or store credit that paid for a visit is a payment on its invoice (issue #20). */
export class Migration20261207230000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "invoice_payment" drop constraint if exists "invoice_payment_method_check";`)
    this.addSql(
      `alter table if exists "invoice_payment" add constraint "invoice_payment_method_check" check ("method" in ('card', 'cash', 'bank_transfer', 'cheque', 'gift_voucher', 'store_credit'));`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "invoice_payment" drop constraint if exists "invoice_payment_method_check";`)
    this.addSql(`alter table if exists "invoice_payment" add constraint "invoice_payment_method_check" check ("method" in ('card', 'cash', 'bank_transfer', 'cheque'));`)
  }
}
