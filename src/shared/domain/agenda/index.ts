/** The Mayor's agenda rules (issue 5): pure, shared by desk, server and renderer. */
export * from './time';
export * from './kinds';
export * from './recurrence';
export * from './conflicts';
export * from './visibility';
export * from './templates';
export * from './ics';
export { formatRrule, frequencies, parseRrule, weekdays } from './rrule';
export type { Frequency, ParsedRrule, Weekday, WeekdaySpec } from './rrule';
