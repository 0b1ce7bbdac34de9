/**
 * How the workbench shows a moment (3 Jul 2024, 14:05 UTC; 3 juil. 2024, 14:05 UTC), for next-intl's
 * formatter: `format.dateTime(date, DATE_TIME)`. A day alone uses the "day" format of i18n/request.ts
 * (3 July 2024; 3 juillet 2024).
 */
export const DATE_TIME = { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" } as const;
