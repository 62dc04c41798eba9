/**
 * A Testing Library text matcher for a sentence the kit writes in several nodes
 * (each name or file name sits in its own <bdi>): the innermost element whose
 * whole text is `text`.
 */
export const sentence = (text: string) => (_content: string, element: Element | null) =>
  element?.textContent === text && ![...element.children].some((child) => child.textContent === text);
