/**
 * The Norwegian account number inside a Norwegian IBAN ("NO93 8601 1117 947" → "8601.11.17947"):
 * NO, two check digits, then the 11-digit account number (4 bank, 2 account group, 5 account).
 * Null for any other country's IBAN, which has no Norwegian account number to show.
 */
export function norwegianAccountNumber(iban: string | null | undefined): string | null {
  const compact = (iban ?? '').replace(/\s+/g, '').toUpperCase()
  const m = /^NO\d{2}(\d{4})(\d{2})(\d{5})$/.exec(compact)
  return m ? `${m[1]}.${m[2]}.${m[3]}` : null
}
