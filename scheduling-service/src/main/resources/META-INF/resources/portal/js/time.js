/**
 * Dates and times as the doctor reads them: in the browser's time zone and language. The API speaks
 * UTC instants (ISO-8601) and calendar dates (YYYY-MM-DD).
 */

export function browserZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The local calendar date (YYYY-MM-DD) of a Date or an ISO instant. */
export function localDate(value = new Date()) {
  const date = value instanceof Date ? value : new Date(value);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function addDays(isoDate, days) {
  const [year, month, day] = isoDate.split('-').map(Number);
  return localDate(new Date(year, month - 1, day + days));
}

/** Local midnight at the start of an ISO date, as a Date. */
export function startOfDay(isoDate) {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(year, month - 1, day);
}

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const DAY = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
const SHORT_DAY = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const BIRTH_DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

export const formatTime = (instant) => TIME.format(new Date(instant));
export const formatDay = (value) => DAY.format(value instanceof Date ? value : dateOf(value));
export const formatShortDay = (value) => SHORT_DAY.format(value instanceof Date ? value : dateOf(value));
export const formatDateTime = (instant) => `${formatShortDay(new Date(instant))}, ${formatTime(instant)}`;
/** A date of birth is a calendar date, not an instant: read and shown in UTC so no zone moves it. */
export const formatBirthDate = (isoDate) => BIRTH_DATE.format(new Date(`${isoDate}T00:00:00Z`));

export function minutesBetween(start, end) {
  return Math.round((new Date(end) - new Date(start)) / 60000);
}

function dateOf(value) {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? startOfDay(value) : new Date(value);
}

function pad(number) {
  return String(number).padStart(2, '0');
}
