import { type ReactNode, useEffect, useId, useRef, useState } from 'react'

export interface MenuItem {
  id: string
  label: ReactNode
  onSelect: () => void
  danger?: boolean
  disabled?: boolean
}

interface Props {
  label: string
  items: MenuItem[]
  testId?: string
}

/**
 * A button that opens a short list of less frequent actions (the ARIA menu-button pattern): Enter,
 * Space or ArrowDown opens it on the first item, arrow keys move, Escape or a click elsewhere closes
 * it and focus goes back to the button.
 */
export function MenuButton({ label, items, testId }: Props) {
  const [open, setOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLDivElement>(null)
  const menuId = useId()

  const focusItem = (i: number) => {
    const list = Array.from(
      menuRef.current?.querySelectorAll<HTMLElement>('[role=menuitem]:not([disabled])') ?? [],
    )
    if (list.length) list[(i + list.length) % list.length].focus()
  }
  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) buttonRef.current?.focus()
  }

  useEffect(() => {
    if (!open) return
    requestAnimationFrame(() =>
      menuRef.current?.querySelector<HTMLElement>('[role=menuitem]:not([disabled])')?.focus(),
    )
    const outside = (e: MouseEvent) => {
      const target = e.target as Node
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false)
    }
    document.addEventListener('mousedown', outside)
    return () => document.removeEventListener('mousedown', outside)
  }, [open])

  return (
    <span className="menu-button">
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-secondary"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            setOpen(true)
          }
        }}
        data-testid={testId}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={label}
          className="menu-list"
          onKeyDown={(e) => {
            const list = Array.from(
              menuRef.current?.querySelectorAll<HTMLElement>('[role=menuitem]:not([disabled])') ?? [],
            )
            const at = list.indexOf(document.activeElement as HTMLElement)
            if (e.key === 'ArrowDown') focusItem(at + 1)
            else if (e.key === 'ArrowUp') focusItem(at - 1)
            else if (e.key === 'Home') focusItem(0)
            else if (e.key === 'End') focusItem(list.length - 1)
            else if (e.key === 'Escape' || e.key === 'Tab') {
              // Escape must not also close a drawer or dialog behind the menu.
              e.stopPropagation()
              close(e.key === 'Escape')
              if (e.key === 'Tab') return
            } else return
            e.preventDefault()
          }}
        >
          {items.map((item) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              disabled={item.disabled}
              className={`menu-item${item.danger ? ' menu-item-danger' : ''}`}
              onClick={() => {
                close(true)
                item.onSelect()
              }}
              data-testid={item.id}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </span>
  )
}
