// Setup for the real-Chromium projects: a colour emoji font from node_modules, so emoji in
// screenshots and layout are drawn as emoji rather than empty boxes (the test machine has none).
import '@fontsource/noto-color-emoji';
