import { useEffect, useLayoutEffect } from 'react';

/**
 * A layout effect in the browser (runs before the first paint); on the server, where
 * there is no paint and React 18 warns about layout effects, a plain effect, which
 * never runs there.
 */
export const useBeforePaint = typeof document === 'undefined' ? useEffect : useLayoutEffect;
