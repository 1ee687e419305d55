/** A count with its noun in the right number: "1 invoice", "2 invoices", "0 lines". */
export function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}
