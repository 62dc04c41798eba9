import type { ButtonHTMLAttributes } from 'react';
import { partClassName } from './className';

export interface SmallButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  'data-variant'?: 'secondary' | 'danger' | undefined;
}

/**
 * The kit's small button (`parley-button parley-button-small`), as the failed
 * bubble, the upload rows, the editor and the status bars show it. Always
 * `type="button"`: inside a host's form it never submits the form.
 */
export function SmallButton({ className, ...rest }: SmallButtonProps) {
  return <button type="button" className={partClassName('parley-button parley-button-small', className)} {...rest} />;
}
