/** A part's root class: its own `parley-*` class, then the host's `className` (if any), so both apply. */
export function partClassName(own: string, className: string | undefined): string {
  return className ? `${own} ${className}` : own;
}
