import type { StorybookConfig } from '@storybook/react-vite';

import { parleyAliases } from '../scripts/aliases.mjs';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      resolve: { alias: parleyAliases },
      server: { host: '127.0.0.1' },
      // Storybook's own preview bundle (axe, docs) is large by nature.
      build: { chunkSizeWarningLimit: 2000 },
    });
  },
};

export default config;
