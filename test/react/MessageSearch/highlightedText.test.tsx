/** HighlightedText: the matches in <mark> elements, everything else (markup included) as text. */
import { render } from '@testing-library/react';
import { expect, it } from 'vitest';
import { HighlightedText } from '../../../src/react/components/MessageSearch/HighlightedText';

it('marks the matching words and leaves markup in the message as text', () => {
  const { container } = render(
    <p>
      <HighlightedText text={'<b>Déploiement</b> <img src=x onerror=alert(1)> deploy'} query="deploiement DEPLOY" />
    </p>,
  );
  const p = container.querySelector('p')!;
  expect([...p.querySelectorAll('*')].map((e) => e.tagName)).toEqual(['MARK', 'MARK']);
  expect([...p.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Déploiement', 'deploy']);
  expect(p.textContent).toBe('<b>Déploiement</b> <img src=x onerror=alert(1)> deploy');
  expect(p.innerHTML).toContain('&lt;b&gt;');
});

it('marks Arabic words in a right-to-left text, in the text’s own order', () => {
  const { container } = render(
    <p dir="rtl">
      <HighlightedText text="مَرْحَبًا بكم في الاجتماع" query="مرحبا الاجت" />
    </p>,
  );
  expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['مَرْحَبًا', 'الاجت']);
  expect(container.textContent).toBe('مَرْحَبًا بكم في الاجتماع');
});
