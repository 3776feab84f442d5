import { TIME_ZONE_LIST_ID } from './production-fields';

/** Server-rendered suggestions for the time-zone input, so the list never ships as JavaScript. */
export function TimeZoneList() {
  const zones = Intl.supportedValuesOf('timeZone');
  return (
    <datalist id={TIME_ZONE_LIST_ID}>
      {zones.map((z) => (
        <option key={z} value={z} />
      ))}
    </datalist>
  );
}
