import type { Issue } from './types'

/**
 * An issue as it leaves the validator (the CLI's JSON, the review grid, the left-out list): what
 * was found, where, and the sentence in both languages.
 */
export type IssueFields = Pick<
  Issue,
  'code' | 'rows' | 'column' | 'field' | 'value' | 'message' | 'message_nb'
>

export function issueFields(i: IssueFields): IssueFields {
  return {
    code: i.code,
    rows: i.rows,
    column: i.column,
    field: i.field,
    value: i.value,
    message: i.message,
    message_nb: i.message_nb,
  }
}
