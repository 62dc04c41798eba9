import type { Decorator, Preview } from '@storybook/react-vite';

import '../src/theme/styles.css';
// Emoji drawn as emoji in every browser, the test runner's included (fonts from node_modules).
import '@fontsource/noto-color-emoji';

export type ParleyTheme = 'light' | 'dark' | 'brand';
export type ParleyDirection = 'ltr' | 'rtl';

/**
 * Wraps every story in the theme/direction root that the toolbar controls.
 * Themes are selected with `data-theme` (see src/theme/styles.css), direction with `dir`.
 */
const withThemeAndDirection: Decorator = (Story, context) => {
  const theme = (context.globals.theme as ParleyTheme | undefined) ?? 'light';
  const dir = (context.globals.dir as ParleyDirection | undefined) ?? 'ltr';
  return (
    <div data-theme={theme} dir={dir} className="parley-story-root">
      <Story />
    </div>
  );
};

const preview: Preview = {
  decorators: [withThemeAndDirection],
  parameters: {
    layout: 'fullscreen',
    // Accessibility violations fail the story's test (Vitest `storybook` project and the Test panel).
    a11y: { test: 'error' },
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
  },
  globalTypes: {
    theme: {
      description: 'Parley theme',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'brand', title: 'Brand' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', dir: 'ltr' },
};

export default preview;
