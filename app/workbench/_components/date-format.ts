/**
 * How the workbench shows a day (3 July 2024; 3 juillet 2024), for next-intl's formatter:
 * `format.dateTime(date, LONG_DATE)`. UTC, like app/_components/format-date.ts, so that a date is the
 * same day for every reader whatever their time zone.
 */
export const LONG_DATE = { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" } as const;

/** A day with the time, for events (comments, audit rows, imports). */
export const DATE_TIME = { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" } as const;
