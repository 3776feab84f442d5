// The phone bar's icons and short words, drawn on the server: PhoneNav is a client component (its
// "More" panel), and this would otherwise ship with every signed-in page (ARCHITECTURE.md: performance budget).

/** Shorter words where the bar is narrow; the full label stays in "More" and on a wide screen. */
export const SHORT: Record<string, string> = { Overview: 'Home', 'Anonymous reporting': 'Anonymous' };

export function PhoneNavIcon({ label }: { label: string }) {
  const common = { 'aria-hidden': true, width: 24, height: 24, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;
  switch (label) {
    case 'Overview':
      return (
        <svg {...common}>
          <path d="M3 11l9-7 9 7" />
          <path d="M5 10v10h14V10" />
        </svg>
      );
    case 'Report':
      return (
        <svg {...common}>
          <circle cx="12" cy="12" r="9" />
          <path d="M12 8v8M8 12h8" />
        </svg>
      );
    case 'Checks':
      return (
        <svg {...common}>
          <path d="M4 12l5 5L20 6" />
        </svg>
      );
    case 'Holds':
      return (
        <svg {...common}>
          <rect x="5" y="5" width="14" height="14" rx="2" />
        </svg>
      );
    case 'Dashboard':
      return (
        <svg {...common}>
          <path d="M4 20V10M10 20V4M16 20v-7M22 20H2" />
        </svg>
      );
    case 'Audit':
      return (
        <svg {...common}>
          <path d="M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z" />
          <path d="M9 12l2 2 4-4" />
        </svg>
      );
    case 'Firearms':
      return (
        <svg {...common}>
          <path d="M3 8h17v4H10l-1 6H5l1-6H3z" />
        </svg>
      );
    default:
      return (
        <svg {...common}>
          <path d="M5 6h14M5 12h14M5 18h10" />
        </svg>
      );
  }
}
