/** Results cross the process boundary as data, never as thrown exceptions. */
export interface IpcError {
  code: string
  message: string
  message_nb?: string
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError }

/** A phantom value that carries a result or payload type in the contract. */
export const returns = <T>(): T => undefined as unknown as T
