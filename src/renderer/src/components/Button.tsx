import type { ButtonHTMLAttributes } from 'react'

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost'

interface Props extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant
  /** A keyboard shortcut shown next to the label, e.g. "Ctrl+O". */
  shortcut?: string
}

export function Button({ variant = 'secondary', shortcut, className, children, type, ...rest }: Props) {
  return (
    <button
      type={type ?? 'button'}
      className={`btn btn-${variant}${className ? ` ${className}` : ''}`}
      aria-keyshortcuts={shortcut}
      {...rest}
    >
      {children}
      {shortcut && <kbd className="btn-kbd">{shortcut}</kbd>}
    </button>
  )
}
