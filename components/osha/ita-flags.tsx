/** What ITA would refuse about one field, shown under it so it is fixed where it is typed (ARCHITECTURE.md: OSHA recordkeeping, ITA export). */
export function ItaFlags({ messages }: { messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <ul className="text-sm font-semibold text-medium" data-testid="ita-flag">
      {messages.map((m) => <li key={m}>▲ ITA: {m}</li>)}
    </ul>
  );
}
