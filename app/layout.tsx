import type { Metadata, Viewport } from 'next';
import './globals.css';
import { THEME_BOOT } from '@/components/theme/theme';

export const metadata: Metadata = {
  title: { default: 'SetSafe', template: '%s · SetSafe' },
  description: 'The safety desk of a film or TV production: firearm checks, custody, incidents and stop-work holds.',
  applicationName: 'SetSafe',
  icons: { icon: '/icon.svg', apple: '/apple-touch-icon.png' },
  appleWebApp: { capable: true, title: 'SetSafe', statusBarStyle: 'default' },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#0b4f6c' },
    { media: '(prefers-color-scheme: dark)', color: '#0a1220' },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // The boot script may set data-theme before React hydrates: expected, not a mismatch.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT }} />
      </head>
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
