// How many alerts and configuration changes the admin area reads at most (no Firebase here, so
// screens can show these numbers without loading the readers).

/** Unresolved alerts are few (each fires once); beyond this the banner says "or more". */
export const MAX_UNRESOLVED_ALERTS = 50;
export const MAX_LISTED_ALERTS = 100;
export const CHANGE_LOG_LENGTH = 20;
