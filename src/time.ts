// Durations in milliseconds, shared by retention, the stores and the staff views.
export const DAY_MS = 24 * 60 * 60 * 1000;
