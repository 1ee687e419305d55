/** Norwegian identifiers: organisation numbers (MOD11), KID (MOD10), postal codes. Pure, no I/O. */

/** Organisation number check digit (Brønnøysund): weights 3 2 7 6 5 4 3 2, MOD11. */
export function isValidOrgNumber(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false
  const w = [3, 2, 7, 6, 5, 4, 3, 2]
  let sum = 0
  for (let i = 0; i < 8; i++) sum += w[i] * (digits.charCodeAt(i) - 48)
  const rest = sum % 11
  const check = rest === 0 ? 0 : 11 - rest
  if (check === 10) return false
  return check === digits.charCodeAt(8) - 48
}

/** Removes the spaces, dots and dashes people type in org numbers (`923 609 016`, `NO 923609016 MVA`). */
export function cleanOrgNumber(raw: string): string {
  let s = raw.trim().toUpperCase()
  if (s.startsWith('NO')) s = s.slice(2)
  if (s.endsWith('MVA')) s = s.slice(0, -3)
  return s.replace(/[\s.\-\u00a0]/g, '')
}

/** KID with a MOD10 (Luhn) check digit, 2–25 digits. */
export function isValidKidMod10(kid: string): boolean {
  if (!/^\d{2,25}$/.test(kid)) return false
  let sum = 0
  let double = false
  for (let i = kid.length - 1; i >= 0; i--) {
    let d = kid.charCodeAt(i) - 48
    if (double) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
    double = !double
  }
  return sum % 10 === 0
}

/**
 * Norwegian postal code: 4 digits. A shorter all-digit code is left-padded (`151` → `0151`),
 * because spreadsheets drop the leading zero when they treat the code as a number.
 */
export function normalizeNoPostalCode(raw: string): string | undefined {
  const s = raw.replace(/[\s\u00a0]/g, '')
  if (!/^\d{1,4}$/.test(s)) return undefined
  if (s === '0' || s === '00' || s === '000' || s === '0000') return undefined
  return s.padStart(4, '0')
}
