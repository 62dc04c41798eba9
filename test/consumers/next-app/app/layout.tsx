import type { ReactNode } from 'react';
import 'parley/styles.css';
import './globals.css';

// No favicon file: an empty icon keeps the browser from asking for /favicon.ico (a 404).
export const metadata = { title: 'Parley consumer (Next.js App Router)', icons: { icon: 'data:,' } };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
