// Pure: what the hand-out form says before a submission rule 2 would refuse.

export type Setup = { firearmId: string; scene: string };

export const sameScene = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * What rule 2 would say about this weapon for this setup, read from the page's facts (the server
 * decides again on submit): null when it may go, else why not.
 */
export function handOutProblem(firearm: { id: string; tag: string } | undefined, scene: string, ready: Setup[], awaiting: (Setup & { waitingFor: string[]; declinedBy?: string[] })[]): string | null {
  if (!firearm || !scene.trim()) return null;
  if (ready.some((r) => r.firearmId === firearm.id && sameScene(r.scene, scene))) return null;
  const waiting = awaiting.find((a) => a.firearmId === firearm.id && sameScene(a.scene, scene));
  if (waiting?.declinedBy?.length) return `${waiting.declinedBy.join(', ')} declined the check of ${firearm.tag} for ${waiting.scene}: they did not see it. Check it again with witnesses (rule 2).`;
  if (waiting) return `The check of ${firearm.tag} for ${waiting.scene} still waits for ${waiting.waitingFor.join(', ')} to confirm it (rule 2).`;
  return `${firearm.tag} has no passing, witnessed check for “${scene.trim()}” since its last return (rule 2). Check it for this setup first.`;
}
